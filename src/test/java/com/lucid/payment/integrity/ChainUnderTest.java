package com.lucid.payment.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lucid.payment.api.Usdt;
import com.lucid.payment.app.VerifyAuditCommand;
import com.lucid.payment.store.StoreSchema;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.devnet.Devnet;
import com.lucid.payment.devnet.DevnetHandle;
import com.lucid.payment.devnet.DevnetOptions;
import com.lucid.payment.devnet.UsdtTransfer;
import com.lucid.payment.testing.BusClient;
import com.lucid.payment.testing.TestService;
import com.lucid.payment.tron.HotWalletKeyFile;
import com.lucid.payment.tron.chain.HotWallet;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A devnet of its own, {@link LyingNode}s in front of it, and the whole service reaching the devnet only through
 * them: the setting of every test that lies to the service or writes to its store.
 */
final class ChainUnderTest implements AutoCloseable {
  static final long TRX = 1_000_000L;

  final Vertx vertx = Vertx.vertx();
  final DevnetHandle devnet;
  final List<LyingNode> nodes = new ArrayList<>();
  final TestService service;
  final BusClient client;
  private final Map<String, String> env;
  private boolean serviceStopped;

  private ChainUnderTest(Path dir, int nodeCount, Map<String, String> extra) throws Exception {
    HotWallet wallet = HotWalletKeyFile.load(dir.resolve("devnet-hot-wallet.key"), true);
    devnet = Devnet.start(vertx, DevnetOptions.defaults().withHost("127.0.0.1").withPort(0).withBlockMs(50)
        .withControl(true).withFunded(wallet.address().base58(), 100_000 * TRX, 1_000_000 * Usdt.UNIT))
        .await(30, TimeUnit.SECONDS);
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < nodeCount; i++) {
      LyingNode node = LyingNode.start(vertx, devnet.baseUrl());
      nodes.add(node);
      urls.add(node.url());
    }
    Map<String, String> env = TestService.fastEnv(dir);
    env.put("TRON_NODE_URL", String.join(",", urls));
    env.put("TRON_BREAKER_RESET_MS", "1000");
    env.putAll(extra);
    this.env = env;
    service = TestService.start(env);
    client = new BusClient(service);
  }

  static ChainUnderTest start(Path dir, int nodeCount) throws Exception {
    return new ChainUnderTest(dir, nodeCount, Map.of());
  }

  static ChainUnderTest start(Path dir, int nodeCount, Map<String, String> env) throws Exception {
    return new ChainUnderTest(dir, nodeCount, env);
  }

  LyingNode node(int i) {
    return nodes.get(i);
  }

  /** recipient → payout id, a fresh recipient per payout so that the ledger tells them apart. */
  Map<String, String> pay(int count, String prefix) throws Exception {
    Map<String, String> byRecipient = new HashMap<>();
    for (int i = 0; i < count; i++) {
      String recipient = TestService.newAddress().base58();
      byRecipient.put(recipient, client.pay("ops", prefix + i, recipient, (i + 1) + ".5"));
    }
    return byRecipient;
  }

  JsonObject payout(String id) throws Exception {
    return client.call(BusAddress.PAYOUT_GET, new JsonObject().put("payout_id", id), "admin", "admin");
  }

  /** USDT the chain moved to each address, one list entry per transfer. */
  Map<String, List<UsdtTransfer>> transfers() {
    return devnet.transfers().stream().collect(Collectors.groupingBy(UsdtTransfer::to));
  }

  /** Every payout confirmed, and the ledger shows each paid exactly once, its amount to its recipient, nothing else. */
  void assertEachConfirmedAndPaidOnce(Map<String, String> byRecipient) throws Exception {
    for (String id : byRecipient.values()) {
      client.awaitStatus(id, "confirmed", 120);
    }
    assertPaidAtMostOnce(byRecipient);
    assertEquals(byRecipient.keySet(), transfers().keySet(), "USDT moved to exactly the payout recipients");
  }

  /** Whatever happened, no recipient was paid twice and none but the recipients was paid. */
  void assertPaidAtMostOnce(Map<String, String> byRecipient) throws Exception {
    Map<String, List<UsdtTransfer>> transfers = transfers();
    for (Map.Entry<String, List<UsdtTransfer>> e : transfers.entrySet()) {
      String payout = byRecipient.get(e.getKey());
      assertEquals(1, e.getValue().size(), "payout " + payout + " to " + e.getKey() + " was paid "
          + e.getValue().size() + " times");
      if (payout != null) {
        assertEquals(Usdt.parse(payout(payout).getString("amount_usdt")), e.getValue().get(0).amount());
      }
    }
    assertEquals(true, byRecipient.keySet().containsAll(transfers.keySet()), "USDT went to someone unasked");
  }

  /** Answers the service did not believe, counted by its nodes' breakers. */
  double disbelieved() {
    return service.app().registry().find("tron_network_errors_total").tag("error_type", "inconsistent").counters()
        .stream().mapToDouble(c -> c.count()).sum();
  }

  /** The service's own store client: what a writer with the store's credentials, or a local process, could do. */
  MongoClient store() {
    return service.app().store().mongo();
  }

  /** The stored payout document, as a store writer sees it. */
  JsonObject stored(String id) throws Exception {
    return store().findOne(StoreSchema.PAYOUTS, new JsonObject().put("_id", id), null).await(10, TimeUnit.SECONDS);
  }

  /** Stops the service and runs {@code verify-audit} on its store: exit code and output. */
  VerifyAudit verifyAudit() throws Exception {
    stopService();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = VerifyAuditCommand.run(env, new PrintStream(out, true, StandardCharsets.UTF_8));
    return new VerifyAudit(code, out.toString(StandardCharsets.UTF_8));
  }

  record VerifyAudit(int exitCode, String output) {}

  private void stopService() throws Exception {
    if (!serviceStopped) {
      serviceStopped = true;
      service.close();
    }
  }

  @Override
  public void close() throws Exception {
    stopService();
    for (LyingNode node : nodes) {
      node.close();
    }
    devnet.close().await(30, TimeUnit.SECONDS);
    vertx.close().await(30, TimeUnit.SECONDS);
  }
}
