package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.config.ServiceConfig;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that take their time: a head trickled a byte at a time, a body that stops half way, a connection left open
 * between requests. Here the gateway runs with a 1 s header and a 1.5 s body timeout; e2e.SlowlorisTest runs the
 * shipped defaults.
 */
@Timeout(60)
class SlowClientsTest extends GatewayFixture {
  private static final String P = GatewayVerticle.BASE;
  private static final int HEADER_MS = 1_000;
  private static final int BODY_MS = 1_500;
  private final String alice = token("alice", Role.END_USER);

  @Override
  protected ServiceConfig.Gateway gatewayConfig() {
    ServiceConfig.Gateway base = super.gatewayConfig();
    return new ServiceConfig.Gateway(base.jwt(), 1, base.batchBodyLimit(),
        new ServiceConfig.Edge(HEADER_MS, BODY_MS, 60, false, false));
  }

  @Test
  void aHeadSentAByteEveryTenthOfASecondIsCutOffAtTheHeaderTimeout() throws Exception {
    String head = "GET " + P + "/health HTTP/1.1\r\nHost: x\r\nX-Padding: " + "p".repeat(400) + "\r\n\r\n";
    long start = System.nanoTime();
    try (RawHttp connection = new RawHttp(gateway.actualPort())) {
      int sent = 0;
      while (sent < head.length() && connection.send(head.substring(sent, sent + 1))) {
        sent++;
        if (connection.awaitClose(100)) {
          break;
        }
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(connection.closedByServer() || sent < head.length(), "still open after " + millis + " ms");
      assertTrue(sent < head.length(), "the whole head got through");
      assertTrue(millis < 10 * HEADER_MS, "closed only after " + millis + " ms");
    }
    assertTrue(engine.received().isEmpty());
  }

  @Test
  void aConnectionThatSaysNothingIsClosed() throws Exception {
    try (RawHttp connection = new RawHttp(gateway.actualPort())) {
      assertTrue(connection.awaitClose(10 * HEADER_MS));
    }
  }

  @Test
  void aBodyThatStopsHalfWayIs408InTheEnvelopeAndTheConnectionCloses() throws Exception {
    try (RawHttp connection = new RawHttp(gateway.actualPort())) {
      connection.send("POST " + P + "/payouts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + alice
          + "\r\nIdempotency-Key: k1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"amount_usdt\":");
      List<RawHttp.Response> r = connection.read(10 * BODY_MS);
      assertEquals(1, r.size(), r.toString());
      JsonObject error = HostileFramingTest.assertRawEnvelope(r.get(0), 408, ErrorCode.REQUEST_TIMEOUT);
      assertEquals("the request body did not arrive in time", error.getString("message"));
      assertEquals("close", r.get(0).header("Connection").orElseThrow());
      assertTrue(connection.closedByServer());
    }
    assertTrue(engine.received().isEmpty(), "a body that never completed reached the engine");
  }

  @Test
  void aKeepAliveConnectionServesRequestsThenClosesWhenIdleForTheHeaderTimeout() throws Exception {
    try (RawHttp connection = new RawHttp(gateway.actualPort())) {
      String get = "GET " + P + "/health HTTP/1.1\r\nHost: x\r\n\r\n";
      connection.send(get);
      connection.send(get);
      List<RawHttp.Response> r = connection.read(HEADER_MS / 2);
      assertEquals(2, r.size());
      assertFalse(connection.closedByServer());
      assertTrue(connection.awaitClose(10 * HEADER_MS));
    }
  }

  @Test
  void aSlowAnswerIsNotCutOffByTheHeaderTimeout() throws Exception {
    engine.unregister(BusAddress.PAYOUT_GET);
    vertx.eventBus().<JsonObject>consumer(BusAddress.PAYOUT_GET.address(), msg -> vertx.setTimer(3L * HEADER_MS,
        id -> msg.reply(EngineDouble.payout(msg.body().getString("payout_id"))))).completion().await(5,
        TimeUnit.SECONDS);
    try (RawHttp connection = new RawHttp(gateway.actualPort())) {
      connection.send("GET " + P + "/payouts/" + EngineDouble.PAYOUT_ID + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
          + alice + "\r\n\r\n");
      List<RawHttp.Response> r = connection.read(6 * HEADER_MS);
      assertEquals(1, r.size(), r.toString());
      assertEquals(200, r.get(0).status());
    }
  }
}
