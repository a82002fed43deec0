package com.lucid.payment.devnet;

import static com.lucid.payment.devnet.TestNode.TRX;
import static com.lucid.payment.devnet.TestNode.USDT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tron.trident.proto.Chain.Transaction;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class UsdtTransferTest {
  private static final String TRANSFER_TOPIC =
      "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

  private final TestWallet hot = TestWallet.random();
  private final TestWallet alice = TestWallet.random();

  @Test
  void transferReachesTheSolidityTwinWithReceiptLogAndBalances(Vertx vertx) {
    TestNode node = TestNode.start(vertx,
        TestNode.fastBlocks().withFunded(hot.base58(), 1_000 * TRX, 500 * USDT));

    JsonObject unsigned = node.triggerTransfer(hot, alice.hex(), 12_340_000, 100 * TRX);
    JsonObject broadcast = node.signAndBroadcastJson(unsigned, hot);
    String txid = unsigned.getString("txID");
    assertEquals(new JsonObject().put("result", true).put("txid", txid), broadcast);

    JsonObject info = node.pollUntil("/walletsolidity/gettransactioninfobyid",
        new JsonObject().put("value", txid), answer -> !answer.isEmpty());

    JsonObject receipt = info.getJsonObject("receipt");
    assertEquals("SUCCESS", receipt.getString("result"));
    assertFalse(info.containsKey("result"), "absent result means success");
    assertEquals(130_285L, receipt.getLong("energy_usage_total"), "first USDT for alice");
    assertEquals(130_285L * 100, receipt.getLong("energy_fee"));
    long netFee = receipt.getLong("net_fee", 0L);
    long netUsage = receipt.getLong("net_usage", 0L);
    assertTrue(netUsage > 0 ^ netFee > 0, "bandwidth is free or burnt: " + receipt);
    assertEquals(receipt.getLong("energy_fee") + netFee, info.getLong("fee"));
    assertEquals(node.usdtHex(), info.getString("contract_address"));
    assertEquals(new JsonArray().add(TestNode.word(BigInteger.ONE)),
        info.getJsonArray("contractResult"));

    JsonObject log = info.getJsonArray("log").getJsonObject(0);
    assertEquals(node.usdtHex().substring(2), log.getString("address"));
    assertEquals(new JsonArray().add(TRANSFER_TOPIC).add(TestNode.word(hot.evmHex()))
        .add(TestNode.word(alice.evmHex())), log.getJsonArray("topics"));
    assertEquals(TestNode.word(BigInteger.valueOf(12_340_000)), log.getString("data"));

    assertEquals(487_660_000L, node.usdtOf(hot.base58()));
    assertEquals(12_340_000L, node.usdtOf(alice.base58()));
    assertEquals(1_000 * TRX - info.getLong("fee"), node.trxOf(hot.base58()));
    assertEquals(List.of(new UsdtTransfer(txid, hot.base58(), alice.base58(), 12_340_000,
        info.getLong("blockNumber"))), node.devnet.transfers());

    JsonObject tx = node.post("/walletsolidity/gettransactionbyid",
        new JsonObject().put("value", txid));
    assertEquals("SUCCESS",
        tx.getJsonArray("ret").getJsonObject(0).getString("contractRet"));
  }

  @Test
  void solidityTwinAnswersEmptyUntilTheBlockIsSolidified(Vertx vertx) {
    TestNode node = TestNode.start(vertx,
        TestNode.manualBlocks().withFunded(hot.base58(), 1_000 * TRX, 500 * USDT));
    Transaction tx = node.transfer(hot, alice.hex(), USDT, 100 * TRX);
    String txid = TestNode.txid(tx);
    assertEquals(Boolean.TRUE, node.broadcastHex(tx).getBoolean("result"));
    assertEquals(new JsonObject(), node.info(txid, false), "pooled, not in a block yet");

    node.devnet.produceBlocks(1);
    assertEquals("SUCCESS", node.info(txid, false).getJsonObject("receipt").getString("result"));
    assertEquals(new JsonObject(), node.info(txid, true));
    assertEquals(1_000 * TRX, balance(node, "/walletsolidity", hot), "solidified state is older");
    assertTrue(balance(node, "/wallet", hot) < 1_000 * TRX);
    assertEquals(0L, usdtBalance(node, "/walletsolidity", alice));
    assertEquals(USDT, usdtBalance(node, "/wallet", alice));
    node.devnet.fund(hot.base58(), 5 * TRX, 0);

    node.devnet.produceBlocks(DevnetOptions.DEFAULT_SOLIDIFICATION_DEPTH - 1);
    assertEquals(new JsonObject(), node.info(txid, true), "one block short of solidified");
    node.devnet.produceBlocks(1);
    assertEquals("SUCCESS", node.info(txid, true).getJsonObject("receipt").getString("result"));
    assertEquals(balance(node, "/wallet", hot), balance(node, "/walletsolidity", hot));
    assertEquals(1_005 * TRX - node.info(txid, true).getLong("fee"), balance(node, "/wallet", hot));
    assertEquals(USDT, usdtBalance(node, "/walletsolidity", alice));
  }

  private static long balance(TestNode node, String api, TestWallet wallet) {
    return node.post(api + "/getaccount", new JsonObject().put("address", wallet.hex()))
        .getLong("balance");
  }

  private static long usdtBalance(TestNode on, String api, TestWallet wallet) {
    String word = on.post(api + "/triggerconstantcontract", new JsonObject()
        .put("owner_address", wallet.hex()).put("contract_address", on.usdtHex())
        .put("function_selector", "balanceOf(address)")
        .put("parameter", TestNode.word(wallet.evmHex())))
        .getJsonArray("constant_result").getString(0);
    return new BigInteger(word, 16).longValueExact();
  }

  @Test
  void transferToAHolderCostsLessEnergyThanToAnEmptyAddress(Vertx vertx) {
    TestNode node = TestNode.start(vertx,
        TestNode.manualBlocks().withFunded(hot.base58(), 1_000 * TRX, 500 * USDT));
    Transaction first = node.transfer(hot, alice.hex(), USDT, 100 * TRX);
    node.broadcastHex(first);
    node.includeAndSolidify();
    Transaction second = node.transfer(hot, alice.hex(), USDT, 100 * TRX);
    node.broadcastHex(second);
    node.includeAndSolidify();

    assertEquals(130_285L, node.info(TestNode.txid(first), true).getJsonObject("receipt")
        .getLong("energy_usage_total"));
    assertEquals(64_285L, node.info(TestNode.txid(second), true).getJsonObject("receipt")
        .getLong("energy_usage_total"));
    assertEquals(2 * USDT, node.usdtOf(alice.base58()));
  }

  @Test
  void feeLimitTooLowEndsOutOfEnergyBurnsTheFeeLimitAndMovesNoUsdt(Vertx vertx) {
    TestNode node = TestNode.start(vertx,
        TestNode.manualBlocks().withFunded(hot.base58(), 1_000 * TRX, 500 * USDT));
    Transaction tx = node.transfer(hot, alice.hex(), 5 * USDT, 2 * TRX);
    assertEquals(Boolean.TRUE, node.broadcastHex(tx).getBoolean("result"));
    node.includeAndSolidify();

    JsonObject info = node.info(TestNode.txid(tx), true);
    assertEquals("OUT_OF_ENERGY", info.getJsonObject("receipt").getString("result"));
    assertEquals("FAILED", info.getString("result"));
    assertEquals(2 * TRX, info.getJsonObject("receipt").getLong("energy_fee"));
    assertNull(info.getJsonArray("log"));
    assertEquals(500 * USDT, node.usdtOf(hot.base58()));
    assertEquals(0L, node.usdtOf(alice.base58()));
    assertEquals(1_000 * TRX - info.getLong("fee"), node.trxOf(hot.base58()));
    assertEquals(List.of(), node.devnet.transfers());
    JsonObject tx2 = node.post("/wallet/gettransactionbyid",
        new JsonObject().put("value", TestNode.txid(tx)));
    assertEquals("OUT_OF_ENERGY",
        tx2.getJsonArray("ret").getJsonObject(0).getString("contractRet"));
  }

  @Test
  void zeroFeeLimitMakesEveryTransferRunOutOfEnergy(Vertx vertx) {
    TestNode node = TestNode.start(vertx,
        TestNode.manualBlocks().withFunded(hot.base58(), 1_000 * TRX, 500 * USDT));
    Transaction tx = node.transfer(hot, alice.hex(), USDT, 0);
    node.broadcastHex(tx);
    node.includeAndSolidify();

    JsonObject info = node.info(TestNode.txid(tx), true);
    assertEquals("OUT_OF_ENERGY", info.getJsonObject("receipt").getString("result"));
    assertEquals(0L, node.usdtOf(alice.base58()));
  }

  @Test
  void insufficientUsdtRevertsChargesSomeEnergyAndMovesNothing(Vertx vertx) {
    TestNode node = TestNode.start(vertx,
        TestNode.manualBlocks().withFunded(hot.base58(), 1_000 * TRX, 3 * USDT));
    Transaction tx = node.transfer(hot, alice.hex(), 4 * USDT, 100 * TRX);
    assertEquals(Boolean.TRUE, node.broadcastHex(tx).getBoolean("result"));
    node.includeAndSolidify();

    JsonObject info = node.info(TestNode.txid(tx), true);
    JsonObject receipt = info.getJsonObject("receipt");
    assertEquals("REVERT", receipt.getString("result"));
    assertEquals("FAILED", info.getString("result"));
    assertEquals(TestNode.utf8Hex("REVERT opcode executed"), info.getString("resMessage"));
    assertTrue(receipt.getLong("energy_usage_total") > 0);
    assertTrue(receipt.getLong("energy_usage_total") < 64_285);
    assertTrue(info.getJsonArray("contractResult").getString(0).startsWith("08c379a0"));
    assertEquals(3 * USDT, node.usdtOf(hot.base58()));
    assertEquals(0L, node.usdtOf(alice.base58()));
    assertEquals(List.of(), node.devnet.transfers());
  }

  @Test
  void transactionThatExpiresInThePoolIsNeverIncluded(Vertx vertx) {
    TestNode node = TestNode.start(vertx,
        TestNode.manualBlocks().withFunded(hot.base58(), 1_000 * TRX, 500 * USDT));
    String solid = node.get("/walletsolidity/getnowblock").getString("blockID");
    Transaction tx = TestNode.sign(node.transferRaw(hot, alice.hex(), USDT, 100 * TRX, solid,
        node.headTime() + 300), hot);
    assertEquals(Boolean.TRUE, node.broadcastHex(tx).getBoolean("result"));

    TestNode.await(vertx.timer(400));
    node.includeAndSolidify();

    assertEquals(new JsonObject(), node.info(TestNode.txid(tx), false));
    assertEquals(new JsonObject(), node.post("/wallet/gettransactionbyid",
        new JsonObject().put("value", TestNode.txid(tx))));
    assertEquals(0L, node.usdtOf(alice.base58()));
  }
}
