package com.lucid.payment.devnet;

import static com.lucid.payment.devnet.TestNode.TRX;
import static com.lucid.payment.devnet.TestNode.USDT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
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
class StakingTest {
  private final TestWallet hot = TestWallet.random();
  private final TestWallet alice = TestWallet.random();
  private TestNode node;

  @BeforeEach
  void startDevnet(Vertx vertx) {
    node = TestNode.start(vertx,
        TestNode.manualBlocks().withFunded(hot.base58(), 20_000 * TRX, 500 * USDT));
    node.devnet.produceBlocks(20);
  }

  private void stakeForEnergy(long sun) {
    JsonObject unsigned = node.post("/wallet/freezebalancev2", new JsonObject()
        .put("owner_address", hot.hex()).put("frozen_balance", sun).put("resource", "ENERGY"));
    JsonObject value = unsigned.getJsonObject("raw_data").getJsonArray("contract")
        .getJsonObject(0).getJsonObject("parameter").getJsonObject("value");
    assertEquals(new JsonObject().put("owner_address", hot.hex()).put("frozen_balance", sun)
        .put("resource", "ENERGY"), value);
    assertEquals(Boolean.TRUE, node.signAndBroadcastJson(unsigned, hot).getBoolean("result"));
    node.includeAndSolidify();
  }

  @Test
  void stakingForEnergyRaisesEnergyLimitAndFreezesTheTrx() {
    stakeForEnergy(10_000 * TRX);

    JsonObject resource = node.post("/wallet/getaccountresource",
        new JsonObject().put("address", hot.hex()));
    assertEquals(100_000L, resource.getLong("EnergyLimit"), "10 energy per staked TRX");
    JsonObject account = node.post("/walletsolidity/getaccount",
        new JsonObject().put("address", hot.hex()));
    assertEquals(new JsonObject().put("type", "ENERGY").put("amount", 10_000 * TRX),
        account.getJsonArray("frozenV2").getJsonObject(1));
    assertEquals(10_000 * TRX, account.getLong("balance"), "bandwidth was free");
  }

  @Test
  void stakedEnergyIsUsedBeforeTrxIsBurnt() {
    stakeForEnergy(10_000 * TRX);
    long before = node.trxOf(hot.base58());

    Transaction tx = node.transfer(hot, alice.hex(), USDT, 100 * TRX);
    node.broadcastHex(tx);
    node.includeAndSolidify();

    JsonObject receipt = node.info(TestNode.txid(tx), true).getJsonObject("receipt");
    assertEquals(100_000L, receipt.getLong("energy_usage"), "all staked energy first");
    assertEquals(30_285L * 100, receipt.getLong("energy_fee"), "the rest burnt at 100 sun");
    assertEquals(130_285L, receipt.getLong("energy_usage_total"));
    assertEquals(before - receipt.getLong("energy_fee") - receipt.getLong("net_fee", 0L),
        node.trxOf(hot.base58()));
    long used = node.post("/wallet/getaccountresource",
        new JsonObject().put("address", hot.hex())).getLong("EnergyUsed");
    assertTrue(used > 99_900 && used <= 100_000, "recovering over 24 h: " + used);
  }

  @Test
  void feeLimitCapsStakedEnergyToo() {
    stakeForEnergy(10_000 * TRX);
    Transaction tx = node.transfer(hot, alice.hex(), USDT, TRX);
    node.broadcastHex(tx);
    node.includeAndSolidify();

    JsonObject receipt = node.info(TestNode.txid(tx), true).getJsonObject("receipt");
    assertEquals("OUT_OF_ENERGY", receipt.getString("result"));
    assertEquals(10_000L, receipt.getLong("energy_usage"), "fee_limit / energy fee");
    assertEquals(0L, node.usdtOf(alice.base58()));
  }

  @Test
  void invalidStakesAreRefusedWhenBuilt() {
    JsonObject tooSmall = node.post("/wallet/freezebalancev2", new JsonObject()
        .put("owner_address", hot.hex()).put("frozen_balance", 999_999).put("resource", "ENERGY"));
    assertEquals(new JsonObject().put("Error", "class org.tron.core.exception."
        + "ContractValidateException : frozenBalance must be greater than or equal to 1 TRX"),
        tooSmall);
    JsonObject tooMuch = node.post("/wallet/freezebalancev2", new JsonObject()
        .put("owner_address", hot.base58()).put("frozen_balance", 30_000 * TRX)
        .put("visible", true));
    assertEquals("class org.tron.core.exception.ContractValidateException : "
        + "frozenBalance must be less than or equal to accountBalance", tooMuch.getString("Error"));
    JsonObject stranger = node.post("/wallet/freezebalancev2", new JsonObject()
        .put("owner_address", alice.hex()).put("frozen_balance", TRX));
    assertEquals("class org.tron.core.exception.ContractValidateException : Account["
        + alice.hex() + "] not exists", stranger.getString("Error"));
  }

  @Test
  void stakedBandwidthPaysForTransactions() {
    JsonObject unsigned = node.post("/wallet/freezebalancev2", new JsonObject()
        .put("owner_address", hot.hex()).put("frozen_balance", 2_000 * TRX));
    node.signAndBroadcastJson(unsigned, hot);
    node.includeAndSolidify();
    assertEquals(new JsonArray().add(new JsonObject().put("amount", 2_000 * TRX)),
        new JsonArray().add(node.post("/wallet/getaccount", new JsonObject()
            .put("address", hot.hex())).getJsonArray("frozenV2").getJsonObject(0)));
    assertEquals(2_000L, node.post("/wallet/getaccountresource",
        new JsonObject().put("address", hot.hex())).getLong("NetLimit"));
  }

  @Test
  void usedResourcesRecoverLinearlyOverADay() {
    Usage used = new Usage(100_000, 0);
    assertEquals(100_000, used.at(0));
    assertEquals(50_000, used.at(Usage.WINDOW_MS / 2));
    assertEquals(0, used.at(Usage.WINDOW_MS));
  }
}
