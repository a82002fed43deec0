package com.lucid.payment.devnet;

import static com.lucid.payment.devnet.TestNode.HEX;
import static com.lucid.payment.devnet.TestNode.TRX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.lucid.payment.testing.JavaTronAnswers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tron.trident.proto.Chain.Transaction;

/**
 * The broadcasts and look-ups of java-tron's recording replayed on the devnet with its own signed transfers: each
 * accepted, duplicate and refused broadcast, a transaction before its block (pending state: its effect already on
 * /wallet reads, not on /walletsolidity, gettransactionbyid with ret SUCCESS, no transaction info), and after it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(60)
class JavaTronBroadcastConformanceTest {
  /** Bandwidth is burnt or free, energy staked or burnt: which of these a receipt has depends on the account. */
  static final Set<String> RECEIPT_STATE = Set.of("receipt.energy_usage", "receipt.energy_fee", "receipt.net_usage",
      "receipt.net_fee", "fee", "packingFee");

  private final TestWallet hot = JavaTronConformanceTest.HOT;
  private final TestWallet stranger = TestWallet.random();
  private final List<String> differences = new ArrayList<>();
  private TestNode node;

  @Test
  void broadcastsAndLookUpsAnswerAsJavaTronDid(Vertx vertx) {
    node = TestNode.start(vertx, JavaTronConformanceTest.javaTronLike());
    node.devnet.produceBlocks(25);
    String recipient = TestWallet.random().hex();
    Transaction a = node.transfer(hot, recipient, 1, 30 * TRX);
    long trxBefore = node.trxOf(hot.base58());
    long head = node.devnet.headBlockNumber();

    JsonObject sent = node.broadcastHex(a);
    sameShape("broadcasthex_success", sent);
    assertEquals("SUCCESS", sent.getString("code"));
    sameShape("broadcasthex_success", "transaction", sent);
    sameShape("gettransactioninfobyid_just_broadcast", node.info(TestNode.txid(a), false));
    sameShape("gettransactionbyid_just_broadcast", byId("/wallet", a));
    assertEquals("SUCCESS", byId("/wallet", a).getJsonArray("ret").getJsonObject(0).getString("contractRet"));
    assertEquals(new JsonObject(), byId("/walletsolidity", a), "not solidified");

    // pending-state.json: /wallet shows the transfer and its fee before the block, /walletsolidity does not
    assertEquals(head, node.devnet.headBlockNumber(), "no block yet");
    assertEquals(1L, balanceOf("/wallet", recipient));
    assertEquals(0L, balanceOf("/walletsolidity", recipient));
    long trxPending = node.post("/wallet/getaccount", new JsonObject().put("address", hot.hex())).getLong("balance");
    assertTrue(trxPending < trxBefore, "the fee is taken at once");

    sameShapeAndText("broadcasthex_duplicate", node.broadcastHex(a));
    sameShapeAndText("broadcasttransaction_duplicate_of_hex", json(a));
    Transaction d = node.transfer(hot, TestWallet.random().hex(), 2, 30 * TRX);
    sameShapeAndText("broadcasttransaction_success", json(d));
    sameShapeAndText("broadcasttransaction_duplicate", json(d));
    refusals(recipient);

    node.includeAndSolidify();
    JsonObject info = node.info(TestNode.txid(a), false);
    assertEquals(List.of(), Shapes.differences(JavaTronAnswers.get("gettransactioninfobyid").json(), info,
        RECEIPT_STATE));
    assertEquals(info.getLong("fee"), info.getLong("packingFee"));
    assertEquals(trxBefore - info.getLong("fee"), trxPending, "the fee taken at broadcast is the block's");
    assertEquals(List.of(), Shapes.differences(JavaTronAnswers.get("walletsolidity_gettransactioninfobyid").json(),
        node.info(TestNode.txid(a), true), RECEIPT_STATE));
    sameShape("gettransactionbyid", byId("/wallet", a));
    sameShape("walletsolidity_gettransactionbyid", byId("/walletsolidity", a));
    sameShape("getblockbynum_with_tx", node.post("/wallet/getblockbynum",
        new JsonObject().put("num", info.getLong("blockNumber"))));
    assertEquals(List.of(), Shapes.differences(JavaTronAnswers.get("gettransactioninfobyid_D").json(),
        node.info(TestNode.txid(d), false), RECEIPT_STATE));
    assertEquals(List.of(), Shapes.differences(JavaTronAnswers.get("getaccount_hot_after").json(),
        node.post("/wallet/getaccount", new JsonObject().put("address", hot.hex())),
        JavaTronConformanceTest.ACCOUNT_STATE));
    assertEquals(List.of(), Shapes.differences(JavaTronAnswers.get("getaccountresource_hot_after").json(),
        node.post("/wallet/getaccountresource", new JsonObject().put("address", hot.hex())),
        JavaTronConformanceTest.RESOURCE_STATE));
    assertEquals(1L, balanceOf("/walletsolidity", recipient), "triggerconstantcontract_balanceOf_recipient");
    sameShape("gettransactioninfobyid_unknown", node.info("ab".repeat(32), false));
    sameShape("walletsolidity_gettransactioninfobyid_unknown", node.info("ab".repeat(32), true));
    sameShape("gettransactionbyid_unknown", node.post("/wallet/gettransactionbyid",
        new JsonObject().put("value", "ab".repeat(32))));
    JsonObject again = node.broadcastHex(a);
    assertEquals(JavaTronAnswers.pendingState().getJsonObject("rebroadcast_after_inclusion").getString("code"),
        again.getString("code"));
    assertEquals(List.of(), differences);
    TestNode.await(node.devnet.close());
  }

  /** Every refusal java-tron was recorded giving, on transfers of the devnet's own. */
  private void refusals(String recipient) {
    Transaction.raw raw = node.transfer(hot, recipient, 3, 30 * TRX).getRawData();
    sameShapeAndText("broadcasthex_bad_signature", node.broadcastHex(TestNode.sign(raw, stranger)));
    sameShapeAndText("broadcasttransaction_bad_signature", json(TestNode.sign(raw, stranger)));
    byte[] corrupt = HEX.parseHex("59f989ef30ff469e7825196e0f79d0845f9edbe939bbb7f3030366bec0f2b94d12f791f4ee2ee1614414"
        + "d439443e80542bdb3f0957c37fbac4cf5cb81af2253a1b");
    sameShapeAndText("broadcasthex_corrupt_signature", node.broadcastHex(Transaction.newBuilder().setRawData(raw)
        .addSignature(ByteString.copyFrom(corrupt)).build()));
    sameShapeAndText("broadcasthex_unsigned", node.broadcastHex(Transaction.newBuilder().setRawData(raw).build()));
    sameShapeAndText("broadcasttransaction_no_signature_field", json(Transaction.newBuilder().setRawData(raw)
        .build()));
    long headTime = node.headTime();
    Transaction expired = TestNode.sign(raw.toBuilder().setExpiration(headTime - 3_000).build(), hot);
    sameShapeAndText("broadcasthex_expired", node.broadcastHex(expired));
    sameShapeAndText("broadcasttransaction_expired", json(expired));
    sameShapeAndText("broadcasthex_expiration_over_24h", node.broadcastHex(TestNode.sign(raw.toBuilder()
        .setExpiration(headTime + 90_000_000).build(), hot)));
    Transaction.raw badTapos = raw.toBuilder().setRefBlockHash(ByteString.copyFrom(HEX.parseHex("deadbeefdeadbeef")))
        .build();
    sameShapeAndText("broadcasthex_bad_tapos", node.broadcastHex(TestNode.sign(badTapos, hot)));
    sameShapeAndText("broadcasttransaction_bad_tapos", json(TestNode.sign(badTapos, hot)));
    Transaction overMax = TestNode.sign(raw.toBuilder().setFeeLimit(2_000 * TRX).build(), hot);
    sameShapeAndText("broadcasthex_fee_limit_over_max", node.broadcastHex(overMax));
    sameShape("gettransactioninfobyid_fee_limit_over_max", node.info(TestNode.txid(overMax), false));
  }

  private JsonObject json(Transaction tx) {
    return node.post("/wallet/broadcasttransaction", TransactionJson.render(tx, false));
  }

  private JsonObject byId(String api, Transaction tx) {
    return node.post(api + "/gettransactionbyid", new JsonObject().put("value", TestNode.txid(tx)));
  }

  private long balanceOf(String api, String ownerHex) {
    JsonObject answer = node.post(api + "/triggerconstantcontract", new JsonObject().put("owner_address", hot.hex())
        .put("contract_address", node.usdtHex()).put("function_selector", "balanceOf(address)")
        .put("parameter", TestNode.word(ownerHex.substring(2))));
    return Long.parseLong(answer.getJsonArray("constant_result").getString(0), 16);
  }

  private void sameShape(String name, JsonObject devnet) {
    Shapes.differences(JavaTronAnswers.get(name).json(), devnet, Set.of()).forEach(d -> differences.add(name + " "
        + d));
  }

  /** The transaction broadcasthex echoes, a JSON text inside the answer. */
  private void sameShape(String name, String echoed, JsonObject devnet) {
    Shapes.differences(new JsonObject(JavaTronAnswers.get(name).json().getString(echoed)),
        new JsonObject(devnet.getString(echoed)), Set.of()).forEach(d -> differences.add(name + " " + echoed + "."
            + d));
  }

  /** The shape, the code, and the message with its transaction-specific parts (signature, signer) masked. */
  private void sameShapeAndText(String name, JsonObject devnet) {
    JsonObject recorded = JavaTronAnswers.get(name).json();
    sameShape(name, devnet);
    String expected = recorded.getString("code") + " " + masked(Shapes.text(recorded.getString("message", "")));
    String actual = devnet.getString("code") + " " + masked(Shapes.text(devnet.getString("message", "")));
    if (!expected.equals(actual)) {
      differences.add(name + ": " + expected + " in java-tron, " + actual + " on the devnet");
    }
  }

  private static String masked(String message) {
    return message.replaceAll("[0-9a-f]{130}", "SIGNATURE").replaceAll("T[1-9A-HJ-NP-Za-km-z]{33}", "ADDRESS");
  }
}
