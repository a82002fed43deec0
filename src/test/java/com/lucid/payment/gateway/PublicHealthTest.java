package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.config.ServiceConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * GET /health without a token: it says whether the service is up and nothing that ties the onion service to its
 * wallet, costs the wallet plane one check a second however often it is asked, and behind tor (PROXY protocol) one
 * circuit exhausting its limit leaves the others theirs.
 */
@Timeout(60)
class PublicHealthTest extends GatewayFixture {
  private static final String WALLET = "TEgwUa4hYpczYKixmX18bFoKwK8s4JKrCS";
  private static final String CONTRACT = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
  private static final String NODE = "https://api.trongrid.io";

  /** What the management port reports, in full. */
  private static JsonObject fullReport(String status, String tron) {
    JsonObject tronCheck = new JsonObject().put("status", tron).put("network", "mainnet")
        .put("nodes", new JsonArray().add(new JsonObject().put("url", NODE).put("breaker", "closed")))
        .put("hot_wallet", WALLET).put("usdt_contract", CONTRACT).put("head_block", 61_234_567)
        .put("solid_block", 61_234_548);
    return new JsonObject().put("status", status).put("service", "tron-payment-service").put("version", "0.1.0")
        .put("timestamp", "2026-11-24T12:00:00Z")
        .put("checks", new JsonObject().put("store", new JsonObject().put("status", "up")).put("tron", tronCheck));
  }

  @BeforeEach
  void fullReports() {
    engine.answer(BusAddress.HEALTH, m -> fullReport("healthy", "up"));
  }

  private long healthChecks() {
    return engine.received().stream().filter(r -> r.address() == BusAddress.HEALTH).count();
  }

  @Test
  void theAnswerNamesNoWalletContractNodeOrHeight() throws Exception {
    Http.Response r = http.get("/health", null);
    assertEquals(200, r.status());
    assertEquals(new JsonObject().put("status", "healthy")
        .put("checks", new JsonObject().put("store", "up").put("tron", "up")), r.json());
    for (String secret : new String[] {WALLET, CONTRACT, NODE, "trongrid", "61234", "mainnet", "0.1.0", "hot_wallet"}) {
      assertFalse(r.body().contains(secret), r.body());
    }
  }

  @Test
  void degradedAndUnhealthyAreSaidTheSameWay() throws Exception {
    engine.answer(BusAddress.HEALTH, m -> fullReport("unhealthy", "down"));
    Thread.sleep(PublicHealth.FRESH_MILLIS + 100);
    Http.Response r = http.get("/health", null);
    assertEquals(503, r.status());
    assertEquals(new JsonObject().put("status", "unhealthy")
        .put("checks", new JsonObject().put("store", "up").put("tron", "down")), r.json());
    assertEquals("unhealthy", PublicHealth.redact(new JsonObject().put("status", "<script>")).getString("status"));
  }

  @Test
  void manyAsksCostTheWalletPlaneOneCheckASecond() throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < 50; i++) {
      assertEquals(200, http.get("/health", null).status());
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertTrue(healthChecks() <= seconds + 1, healthChecks() + " checks in " + seconds + " s");
  }

  @Test
  void anUnavailableCheckIs503InTheEnvelope() throws Exception {
    engine.unregister(BusAddress.HEALTH);
    Thread.sleep(PublicHealth.FRESH_MILLIS + 100);
    assertEnvelope(http.get("/health", null), ErrorCode.UNAVAILABLE);
  }

  /** Tor's HiddenServiceExportCircuitID haproxy: the circuit's global id as the last 32 bits of an fc00::/7 address. */
  private static String proxyHeader(int circuit) {
    return "PROXY TCP6 fc00:dead:beef:4dad::" + Integer.toHexString(circuit >>> 16) + ":"
        + Integer.toHexString(circuit & 0xffff) + " ::1 " + (circuit & 0xffff) + " 80\r\n";
  }

  private List<RawHttp.Response> healthOverCircuit(int port, int circuit, int times) throws Exception {
    try (RawHttp connection = new RawHttp(port)) {
      connection.send(proxyHeader(circuit) + ("GET " + GatewayVerticle.BASE + "/health HTTP/1.1\r\nHost: x\r\n\r\n")
          .repeat(times));
      return connection.read(1_500);
    }
  }

  @Test
  void behindTorEachCircuitHasItsOwnLimit() throws Exception {
    ServiceConfig.Gateway base = gatewayConfig();
    ServiceConfig.Edge edge = base.edge();
    int port = deployAnotherPort(new ServiceConfig.Gateway(base.jwt(), 1, base.batchBodyLimit(),
        new ServiceConfig.Edge(edge.headerTimeoutMs(), edge.bodyTimeoutMs(), edge.idleTimeoutSeconds(), true, false)));
    List<RawHttp.Response> first = healthOverCircuit(port, 666, 121);
    assertEquals(121, first.size());
    first.subList(0, 120).forEach(r -> assertEquals(200, r.status(), r.toString()));
    HostileFramingTest.assertRawEnvelope(first.get(120), 429, ErrorCode.RATE_LIMITED);
    assertEquals(200, healthOverCircuit(port, 667, 1).get(0).status(), "another circuit is locked out too");
    assertEquals(200, healthOverCircuit(port, 0x7fff0001, 1).get(0).status());
    assertEquals(429, healthOverCircuit(port, 666, 1).get(0).status());
  }

  @Test
  void aListenerExpectingTorTakesNoConnectionWithoutItsHeader() throws Exception {
    ServiceConfig.Gateway base = gatewayConfig();
    int port = deployAnotherPort(new ServiceConfig.Gateway(base.jwt(), 1, base.batchBodyLimit(),
        new ServiceConfig.Edge(1_000, 1_000, 60, true, false)));
    try (RawHttp connection = new RawHttp(port)) {
      connection.send("GET " + GatewayVerticle.BASE + "/health HTTP/1.1\r\nHost: x\r\n\r\n");
      assertEquals(List.of(), connection.read(5_000));
      assertTrue(connection.closedByServer());
    }
    try (RawHttp silent = new RawHttp(port)) {
      assertTrue(silent.awaitClose(10_000), "a connection that sends no PROXY header is held open");
    }
  }
}
