package com.lucid.payment.devnet;

import static com.lucid.payment.devnet.TestNode.TRX;
import static com.lucid.payment.devnet.TestNode.USDT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class NodeQueriesTest {
  private final TestWallet hot = TestWallet.random();
  private final TestWallet alice = TestWallet.random();
  private TestNode node;

  @BeforeEach
  void startDevnet(Vertx vertx) {
    node = TestNode.start(vertx,
        TestNode.manualBlocks().withFunded(hot.base58(), 1_000 * TRX, 250 * USDT));
    node.devnet.produceBlocks(30);
  }

  @Test
  void unknownAccountIsAnEmptyObject() {
    assertEquals(new JsonObject(),
        node.post("/wallet/getaccount", new JsonObject().put("address", alice.hex())));
    assertEquals(new JsonObject(), node.get("/walletsolidity/getaccount?address="
        + alice.base58() + "&visible=true"));
    assertEquals(new JsonObject(),
        node.post("/wallet/getaccountresource", new JsonObject().put("address", alice.hex())));
  }

  @Test
  void fundedAccountShowsBalanceInHexOrBase58() {
    JsonObject hex = node.post("/wallet/getaccount", new JsonObject().put("address", hot.hex()));
    assertEquals(hot.hex(), hex.getString("address"));
    assertEquals(1_000 * TRX, hex.getLong("balance"));
    JsonObject visible = node.post("/wallet/getaccount",
        new JsonObject().put("address", hot.base58()).put("visible", true));
    assertEquals(hot.base58(), visible.getString("address"));
    assertEquals(hot.base58(), visible.getJsonObject("owner_permission").getJsonArray("keys")
        .getJsonObject(0).getString("address"));

    JsonObject resource = node.post("/wallet/getaccountresource",
        new JsonObject().put("address", hot.hex()));
    assertEquals(600L, resource.getLong("freeNetLimit"));
    assertFalse(resource.containsKey("EnergyLimit"), "nothing staked: missing means 0");
  }

  @Test
  void badAddressesAnswerJavaTronErrors() {
    assertEquals(new JsonObject().put("Error",
            "class org.tron.core.services.http.JsonFormat$ParseException : 1:12: INVALID hex String"),
        node.post("/wallet/getaccount", new JsonObject().put("address", "41zz")));
    String badChecksum = hot.base58().substring(0, 33)
        + (hot.base58().endsWith("A") ? "B" : "A");
    assertEquals(new JsonObject().put("Error", "class java.lang.NullPointerException : Cannot read the array "
            + "length because \"bytes\" is null"),
        node.post("/wallet/getaccount",
            new JsonObject().put("address", badChecksum).put("visible", true)));
  }

  @Test
  void blocksCarryNumberInTheirIdAndLinkToTheirParent() {
    JsonObject head = node.get("/wallet/getnowblock");
    JsonObject raw = head.getJsonObject("block_header").getJsonObject("raw_data");
    long number = raw.getLong("number");
    assertEquals(30L, number);
    assertEquals(String.format("%016x", number), head.getString("blockID").substring(0, 16));
    JsonObject parent = node.post("/wallet/getblockbynum", new JsonObject().put("num", 29));
    assertEquals(parent.getString("blockID"), raw.getString("parentHash"));
    assertEquals(head, node.post("/wallet/getblock",
        new JsonObject().put("id_or_num", head.getString("blockID")).put("detail", true)));

    JsonObject solid = node.get("/walletsolidity/getnowblock");
    assertEquals(11L, solid.getJsonObject("block_header").getJsonObject("raw_data")
        .getLong("number"), "head - 19");
    assertEquals(new JsonObject(),
        node.post("/walletsolidity/getblockbynum", new JsonObject().put("num", 12)));
    assertEquals(new JsonObject(),
        node.post("/wallet/getblockbynum", new JsonObject().put("num", 31)));
    JsonObject genesis = node.post("/wallet/getblockbynum", new JsonObject());
    assertFalse(genesis.getJsonObject("block_header").getJsonObject("raw_data")
        .containsKey("number"), "0 is a default and is omitted");
  }

  @Test
  void headerOnlyBlockAndInt64AsString() {
    node.broadcastHex(node.transfer(hot, alice.hex(), USDT, 100 * TRX));
    node.devnet.produceBlocks(1);
    JsonObject detailed = node.post("/wallet/getblock", new JsonObject().put("detail", true));
    assertEquals(1, detailed.getJsonArray("transactions").size());
    JsonObject header = node.post("/wallet/getblock", new JsonObject());
    assertFalse(header.containsKey("transactions"));
    JsonObject strings = node.get("/wallet/getnowblock?int64_as_string=true");
    assertEquals("31", strings.getJsonObject("block_header").getJsonObject("raw_data")
        .getString("number"));
  }

  @Test
  void chainParametersCarryTheFeesAPayoutServiceReads() {
    JsonArray parameters = node.get("/wallet/getchainparameters").getJsonArray("chainParameter");
    JsonObject byKey = new JsonObject();
    parameters.forEach(p -> {
      JsonObject entry = (JsonObject) p;
      byKey.put(entry.getString("key"), entry.getLong("value", 0L));
    });
    assertEquals(100L, byKey.getLong("getEnergyFee"));
    assertEquals(1_000L, byKey.getLong("getTransactionFee"));
    assertEquals(15_000_000_000L, byKey.getLong("getMaxFeeLimit"));
    assertEquals(600L, byKey.getLong("getFreeNetLimit"));
  }

  @Test
  void validateAddressChecksFormatOnly() {
    assertEquals(new JsonObject().put("result", true).put("message", "Base58check format"),
        node.post("/wallet/validateaddress", new JsonObject().put("address", alice.base58())));
    assertEquals(new JsonObject().put("result", true).put("message", "Hex string format"),
        node.get("/wallet/validateaddress?address=" + alice.hex()));
    assertEquals(new JsonObject().put("result", false).put("message", "Invalid address"),
        node.post("/wallet/validateaddress", new JsonObject().put("address", "T123")));
    var malformed = node.postRaw("/wallet/validateaddress", Buffer.buffer("{nope"));
    assertEquals(200, malformed.statusCode());
    assertEquals(0, malformed.body() == null ? 0 : malformed.body().length(),
        "malformed JSON gets an empty body");
  }

  @Test
  void nodeBuiltTransferReferencesTheSolidifiedBlockAndHashesItsRawData() {
    JsonObject tx = node.triggerTransfer(hot, alice.hex(), USDT, 30 * TRX);
    JsonObject raw = tx.getJsonObject("raw_data");
    String solidId = node.get("/walletsolidity/getnowblock").getString("blockID");
    assertEquals(solidId.substring(12, 16), raw.getString("ref_block_bytes"));
    assertEquals(solidId.substring(16, 32), raw.getString("ref_block_hash"));
    assertEquals(node.headTime() + 60_000, raw.getLong("expiration"));
    assertEquals(30 * TRX, raw.getLong("fee_limit"));
    assertEquals(TestNode.HEX.formatHex(
            TestNode.sha256(TestNode.HEX.parseHex(tx.getString("raw_data_hex")))),
        tx.getString("txID"));
    assertFalse(tx.containsKey("signature"));

    JsonObject noFeeLimit = node.post("/wallet/triggersmartcontract", new JsonObject()
        .put("owner_address", hot.hex()).put("contract_address", node.usdtHex())
        .put("data", TestNode.HEX.formatHex(TestNode.transferData(alice.hex(), BigInteger.TEN))));
    assertFalse(noFeeLimit.getJsonObject("transaction").getJsonObject("raw_data")
        .containsKey("fee_limit"), "omitted fee_limit is 0");
  }

  @Test
  void triggerOnAnUnknownContractIsRefusedInsideResult() {
    JsonObject answer = node.post("/wallet/triggersmartcontract", new JsonObject()
        .put("owner_address", hot.hex()).put("contract_address", alice.hex())
        .put("function_selector", "transfer(address,uint256)").put("parameter", ""));
    assertEquals(new JsonObject().put("result", new JsonObject()
        .put("code", "CONTRACT_VALIDATE_ERROR")
        .put("message", TestNode.utf8Hex("No contract or not a valid smart contract"))), answer);
  }

  @Test
  void constantCallsReadTheToken() {
    assertEquals(TestNode.word(BigInteger.valueOf(250 * USDT)),
        constant("balanceOf(address)", TestNode.word(hot.evmHex())));
    assertEquals(TestNode.word(BigInteger.valueOf(6)), constant("decimals()", ""));
    assertTrue(constant("symbol()", "").contains(TestNode.utf8Hex("USDT")));
    assertTrue(constant("name()", "").contains(TestNode.utf8Hex("Tether USD")));
  }

  @Test
  void transferDryRunReportsEnergyAndARevertTheTronWay() {
    JsonObject ok = call("/wallet/triggerconstantcontract", "transfer(address,uint256)",
        TestNode.word(alice.evmHex()) + TestNode.word(BigInteger.valueOf(USDT)));
    assertEquals(new JsonObject().put("result", true), ok.getJsonObject("result"));
    assertEquals(130_285L, ok.getLong("energy_used"));

    JsonObject revert = call("/wallet/triggerconstantcontract", "transfer(address,uint256)",
        TestNode.word(alice.evmHex()) + TestNode.word(BigInteger.valueOf(251 * USDT)));
    assertEquals(new JsonObject().put("result", true)
        .put("message", TestNode.utf8Hex("REVERT opcode executed")), revert.getJsonObject("result"));
    assertEquals("FAILED", revert.getJsonObject("transaction").getJsonArray("ret")
        .getJsonObject(0).getString("ret"));
    assertTrue(revert.getJsonArray("constant_result").getString(0).startsWith("08c379a0"));
    assertEquals(250 * USDT, node.usdtOf(hot.base58()), "a dry run moves nothing");
  }

  @Test
  void estimateEnergyAnswersALittleAboveTheEnergyUsed() {
    JsonObject estimate = call("/wallet/estimateenergy", "transfer(address,uint256)",
        TestNode.word(alice.evmHex()) + TestNode.word(BigInteger.valueOf(USDT)));
    assertEquals(new JsonObject().put("result", true), estimate.getJsonObject("result"));
    long required = estimate.getLong("energy_required");
    assertTrue(required >= 130_285 && required <= 130_285 + 10_000, "got " + required);

    JsonObject revert = call("/walletsolidity/estimateenergy", "transfer(address,uint256)",
        TestNode.word(alice.evmHex()) + TestNode.word(BigInteger.valueOf(251 * USDT)));
    assertEquals("CONTRACT_EXE_ERROR", revert.getJsonObject("result").getString("code"));
  }

  private String constant(String selector, String parameter) {
    return call("/walletsolidity/triggerconstantcontract", selector, parameter)
        .getJsonArray("constant_result").getString(0);
  }

  private JsonObject call(String path, String selector, String parameter) {
    return node.post(path, new JsonObject().put("owner_address", hot.hex())
        .put("contract_address", node.usdtHex()).put("function_selector", selector)
        .put("parameter", parameter));
  }
}
