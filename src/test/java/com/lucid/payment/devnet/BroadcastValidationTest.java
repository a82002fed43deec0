package com.lucid.payment.devnet;

import static com.lucid.payment.devnet.TestNode.TRX;
import static com.lucid.payment.devnet.TestNode.USDT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tron.trident.proto.Chain.Transaction;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class BroadcastValidationTest {
  private final TestWallet hot = TestWallet.random();
  private final TestWallet alice = TestWallet.random();
  private TestNode node;

  @BeforeEach
  void startDevnet(Vertx vertx) {
    node = TestNode.start(vertx,
        TestNode.manualBlocks().withFunded(hot.base58(), 1_000 * TRX, 500 * USDT));
    node.devnet.produceBlocks(25);
  }

  /** java-tron's protobuf JSON: no "result" when it is false, the message hex-encoded UTF-8. */
  private static void assertRefused(JsonObject answer, String code, String message, String txid) {
    assertEquals(new JsonObject().put("code", code)
        .put("message", TestNode.utf8Hex(message)).put("txid", txid), answer);
  }

  @Test
  void signatureOfAnotherKeyIsSigerror() {
    Transaction.raw raw = node.transfer(hot, alice.hex(), USDT, 100 * TRX).getRawData();
    Transaction forged = TestNode.sign(raw, alice);
    String signature = TestNode.HEX.formatHex(forged.getSignature(0).toByteArray());

    assertRefused(node.post("/wallet/broadcasttransaction", signedJson(forged)), "SIGERROR",
        "Validate signature error: " + signature + " is signed by " + alice.base58()
            + " but it is not contained of permission.", TestNode.txid(forged));
    assertEquals(500 * USDT, node.usdtOf(hot.base58()));
  }

  @Test
  void rawDataAlteredAfterSigningIsSigerror() {
    JsonObject unsigned = node.triggerTransfer(hot, alice.hex(), USDT, 100 * TRX);
    JsonObject signed = unsigned.copy().put("signature", new io.vertx.core.json.JsonArray()
        .add(hot.signHex(TestNode.HEX.parseHex(unsigned.getString("txID")))));
    signed.getJsonObject("raw_data").put("fee_limit", 150 * TRX);

    JsonObject answer = node.post("/wallet/broadcasttransaction", signed);

    assertEquals("SIGERROR", answer.getString("code"));
    assertNotEquals(unsigned.getString("txID"), answer.getString("txid"),
        "the node hashes the raw_data it rebuilt, not raw_data_hex");
    assertEquals(500 * USDT, node.usdtOf(hot.base58()));
  }

  @Test
  void unsignedTransactionIsSigerror() {
    Transaction.raw raw = node.transfer(hot, alice.hex(), USDT, 100 * TRX).getRawData();
    Transaction unsigned = Transaction.newBuilder().setRawData(raw).build();
    assertRefused(node.post("/wallet/broadcasttransaction", signedJson(unsigned)), "SIGERROR",
        "Validate signature error: miss sig or contract", TestNode.txid(unsigned));
  }

  @Test
  void broadcastHexAnswersWithUtf8MessageAndTheTransactionAsJsonText() {
    Transaction forged = TestNode.sign(
        node.transfer(hot, alice.hex(), USDT, 100 * TRX).getRawData(), alice);
    JsonObject answer = node.broadcastHex(forged);
    assertEquals(Boolean.FALSE, answer.getBoolean("result"));
    assertEquals("SIGERROR", answer.getString("code"));
    assertTrue(answer.getString("message").startsWith("Validate signature error: "));
    assertEquals(TestNode.txid(forged), answer.getString("txid"));
    JsonObject printed = new JsonObject(answer.getString("transaction"));
    assertEquals(java.util.Set.of("raw_data", "signature"), printed.fieldNames());
    JsonObject parameter = printed.getJsonObject("raw_data").getJsonArray("contract").getJsonObject(0)
        .getJsonObject("parameter");
    assertEquals(TestNode.HEX.formatHex(forged.getRawData().getContract(0).getParameter().getValue()
        .toByteArray()), parameter.getString("value"), "the contract as protobuf hex, as java-tron echoes it");
  }

  @Test
  void expiredOrTooFarAheadIsRefused() {
    String solid = node.get("/walletsolidity/getnowblock").getString("blockID");
    long headTime = node.headTime();
    Transaction stale = TestNode.sign(
        node.transferRaw(hot, alice.hex(), USDT, 100 * TRX, solid, headTime), hot);
    Transaction farAhead = TestNode.sign(node.transferRaw(hot, alice.hex(), USDT, 100 * TRX,
        solid, headTime + 86_400_001), hot);

    assertRefused(node.post("/wallet/broadcasttransaction", signedJson(stale)),
        "TRANSACTION_EXPIRATION_ERROR", "Transaction expired", TestNode.txid(stale));
    assertRefused(node.post("/wallet/broadcasttransaction", signedJson(farAhead)),
        "TRANSACTION_EXPIRATION_ERROR", "Transaction expired", TestNode.txid(farAhead));
  }

  @Test
  void unknownTaposBlockIsRefused() {
    String solid = node.get("/walletsolidity/getnowblock").getString("blockID");
    String wrongHash = solid.substring(0, 16) + "00112233445566778899aabbccddeeff"
        + solid.substring(48);
    Transaction tx = TestNode.sign(node.transferRaw(hot, alice.hex(), USDT, 100 * TRX,
        wrongHash, node.headTime() + 60_000), hot);
    String future = String.format("%016x", 5_000L) + solid.substring(16);
    Transaction notYet = TestNode.sign(node.transferRaw(hot, alice.hex(), USDT, 100 * TRX,
        future, node.headTime() + 60_000), hot);

    assertRefused(node.post("/wallet/broadcasttransaction", signedJson(tx)), "TAPOS_ERROR",
        "Tapos check error.", TestNode.txid(tx));
    assertEquals("TAPOS_ERROR", node.broadcastHex(notYet).getString("code"));
  }

  @Test
  void sameTransactionTwiceIsDuplicatePendingAndOnChain() {
    Transaction tx = node.transfer(hot, alice.hex(), USDT, 100 * TRX);
    assertEquals(Boolean.TRUE, node.broadcastHex(tx).getBoolean("result"));
    assertRefused(node.post("/wallet/broadcasttransaction", signedJson(tx)),
        "DUP_TRANSACTION_ERROR", "Dup transaction.", TestNode.txid(tx));
    node.includeAndSolidify();
    assertEquals("DUP_TRANSACTION_ERROR", node.broadcastHex(tx).getString("code"));
    assertEquals(USDT, node.usdtOf(alice.base58()), "paid exactly once");
  }

  @Test
  void feeLimitAboveTheMaximumIsContractValidateError() {
    Transaction tx = node.transfer(hot, alice.hex(), USDT, 15_000_000_001L);
    assertRefused(node.post("/wallet/broadcasttransaction", signedJson(tx)),
        "CONTRACT_VALIDATE_ERROR",
        "Contract validate error : feeLimit must be >= 0 and <= 15000000000", TestNode.txid(tx));
  }

  @Test
  void ownerWithoutTrxForBandwidthIsBandwithError() {
    TestWallet poor = TestWallet.random();
    node.devnet.fund(poor.base58(), 100_000, 10 * USDT);
    Transaction first = node.transfer(poor, alice.hex(), USDT, 0);
    assertEquals(Boolean.TRUE, node.broadcastHex(first).getBoolean("result"), "free bandwidth");
    node.includeAndSolidify();

    Transaction second = node.transfer(poor, alice.hex(), USDT, 0);
    assertRefused(node.post("/wallet/broadcasttransaction", signedJson(second)),
        "BANDWITH_ERROR", "Account resource insufficient error.", TestNode.txid(second));
  }

  @Test
  void ownerThatNeverExistedIsContractValidateError() {
    TestWallet stranger = TestWallet.random();
    Transaction tx = node.transfer(stranger, alice.hex(), USDT, 100 * TRX);
    assertRefused(node.post("/wallet/broadcasttransaction", signedJson(tx)),
        "CONTRACT_VALIDATE_ERROR",
        "Contract validate error : account [" + stranger.base58() + "] does not exist",
        TestNode.txid(tx));
  }

  @Test
  void tronWebStyleRecoveryByteIsAccepted() {
    Transaction tx = node.transfer(hot, alice.hex(), USDT, 100 * TRX);
    byte[] signature = tx.getSignature(0).toByteArray();
    signature[64] += 27;
    Transaction v27 = tx.toBuilder().setSignature(0, ByteString.copyFrom(signature)).build();
    assertEquals(new JsonObject().put("result", true).put("txid", TestNode.txid(v27)),
        node.post("/wallet/broadcasttransaction", signedJson(v27)));
  }

  @Test
  void visibleBroadcastAnswersInBase58AndUtf8() {
    JsonObject unsigned = node.post("/wallet/triggersmartcontract", new JsonObject()
        .put("owner_address", hot.base58()).put("contract_address", node.devnet.usdtContract())
        .put("function_selector", "transfer(address,uint256)")
        .put("parameter", TestNode.word(alice.evmHex()) + TestNode.word(
            java.math.BigInteger.valueOf(USDT))).put("fee_limit", 15_000_000_001L)
        .put("visible", true)).getJsonObject("transaction");
    JsonObject value = unsigned.getJsonObject("raw_data").getJsonArray("contract")
        .getJsonObject(0).getJsonObject("parameter").getJsonObject("value");
    assertEquals(hot.base58(), value.getString("owner_address"));

    JsonObject answer = node.signAndBroadcastJson(unsigned, hot);
    assertEquals("Contract validate error : feeLimit must be >= 0 and <= 15000000000",
        answer.getString("message"));
  }

  @Test
  void malformedBroadcastsAnswerTronErrorBodies() {
    JsonObject notJson = node.postRaw("/wallet/broadcasttransaction", Buffer.buffer("{oops"))
        .bodyAsJsonObject();
    assertTrue(notJson.getString("Error").startsWith("class com.alibaba.fastjson.JSONException"));
    assertEquals(new JsonObject().put("Error", "class java.lang.NullPointerException : null"),
        node.post("/wallet/broadcasttransaction", new JsonObject().put("visible", false)));
    assertTrue(node.post("/wallet/broadcasthex", new JsonObject().put("transaction", "zz"))
        .getString("Error").contains("DecoderException"));
    Buffer huge = Buffer.buffer(new JsonObject().put("transaction", "00".repeat(2_200_000))
        .encode());
    assertEquals(413, node.postRaw("/wallet/broadcasthex", huge).statusCode(),
        "over node.http.maxMessageSize");
  }

  /** The JSON a client posts: raw_data from the protobuf (through the node's own printer). */
  private static JsonObject signedJson(Transaction tx) {
    return TransactionJson.render(tx, false);
  }
}
