package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.config.ServiceConfig;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests no client library would send, over a bare socket: each is answered in the envelope with a 4xx and an
 * X-Request-ID (never 5xx, never an empty body), and none reaches the engine.
 */
@Timeout(60)
class HostileFramingTest extends GatewayFixture {
  private static final String P = GatewayVerticle.BASE;
  private final String alice = token("alice", Role.END_USER);

  private List<RawHttp.Response> exchange(String raw) throws Exception {
    try (RawHttp connection = new RawHttp(gateway.actualPort())) {
      connection.send(raw);
      List<RawHttp.Response> responses = connection.read(2_000);
      assertTrue(connection.closedByServer(), "the connection stays open after: " + raw.substring(0,
          Math.min(60, raw.length())) + " " + responses);
      return responses;
    }
  }

  static JsonObject assertRawEnvelope(RawHttp.Response r, int status, ErrorCode code) {
    return Envelopes.assertEnvelope(r, status, code);
  }

  private String post(String path, String headers) {
    return "POST " + P + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + alice
        + "\r\nIdempotency-Key: k1\r\nContent-Type: application/json\r\n" + headers + "\r\n";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a bad chunk size|zz",
      "an overflowing chunk size|ffffffffffffffffffff",
      "a negative chunk size|-5",
      "a chunk size with garbage after it|5 ;;;\u0001",
  })
  void aBrokenChunkedBodyIs400AndClosesTheConnection(String name, String size) throws Exception {
    for (String path : new String[] {"/payouts", "/payouts/batch", "/distributions",
        "/payouts/" + EngineDouble.PAYOUT_ID + "/cancel"}) {
      List<RawHttp.Response> r = exchange(post(path, "Transfer-Encoding: chunked\r\n") + size + "\r\n{}\r\n0\r\n\r\n");
      assertEquals(1, r.size(), path + " " + r);
      assertRawEnvelope(r.get(0), 400, ErrorCode.INVALID_REQUEST);
    }
    assertTrue(engine.received().isEmpty());
  }

  static Stream<Arguments> headsTheDecoderRefuses() {
    return Stream.of(
        Arguments.of("an absurd Content-Length", "Content-Length: 99999999999999999999999999"),
        Arguments.of("a negative Content-Length", "Content-Length: -5"),
        Arguments.of("two Content-Lengths", "Content-Length: 2\r\nContent-Length: 3"),
        Arguments.of("a Content-Length that is not a number", "Content-Length: 2x"),
        Arguments.of("Content-Length beside chunked", "Content-Length: 2\r\nTransfer-Encoding: chunked"),
        Arguments.of("a NUL in a header", "X-Note: a\u0000b"),
        Arguments.of("a header without a colon", "this is not a header"),
        Arguments.of("a header name with a space", "Bad Name: 1"),
        Arguments.of("two Hosts", "Host: y"),
        Arguments.of("two tokens", "Authorization: Bearer another"),
        Arguments.of("two content types", "Content-Type: text/plain"),
        Arguments.of("two request ids", "X-Request-ID: a\r\nX-Request-ID: b"),
        Arguments.of("two transfer codings", "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headsTheDecoderRefuses")
  void aHeadTheDecoderRefusesIs4xxInTheEnvelope(String name, String header) throws Exception {
    List<RawHttp.Response> r = exchange(post("/payouts", header + "\r\n") + "{}");
    assertEquals(1, r.size(), r.toString());
    assertTrue(r.get(0).status() >= 400 && r.get(0).status() < 500, r.toString());
    assertRawEnvelope(r.get(0), r.get(0).status(), ErrorCode.INVALID_REQUEST);
    assertTrue(engine.received().isEmpty());
  }

  @Test
  void overLongHeadsAre431Or414InTheEnvelopeWithANewRequestId() throws Exception {
    String bigToken = "GET " + P + "/payouts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + "a".repeat(100_000)
        + "\r\n\r\n";
    assertRawEnvelope(exchange(bigToken).get(0), 431, ErrorCode.REQUEST_HEAD_TOO_LARGE);
    String bigId = "GET " + P + "/health HTTP/1.1\r\nHost: x\r\nX-Request-ID: " + "r".repeat(10_000) + "\r\n\r\n";
    RawHttp.Response r = exchange(bigId).get(0);
    assertRawEnvelope(r, 431, ErrorCode.REQUEST_HEAD_TOO_LARGE);
    assertTrue(r.header("X-Request-ID").orElseThrow().matches("req_[0-9a-f]{32}"));
    String manyHeaders = "GET " + P + "/health HTTP/1.1\r\nHost: x\r\n" + "X-A: b\r\n".repeat(2_000) + "\r\n";
    assertRawEnvelope(exchange(manyHeaders).get(0), 431, ErrorCode.REQUEST_HEAD_TOO_LARGE);
    String longQuery = "GET " + P + "/payouts?status=" + "p".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
    assertRawEnvelope(exchange(longQuery).get(0), 414, ErrorCode.REQUEST_HEAD_TOO_LARGE);
    assertTrue(engine.received().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "garbage|HELLO THERE",
      "no version|GET /api/payment/health",
      "a version from the future|GET /api/payment/health HTTP/9.9",
      "a minor version that does not exist|GET /api/payment/health HTTP/1.2",
      "a space in the path|GET /api/payment/he alth HTTP/1.1",
      "an HTTP/2 preface on a cleartext HTTP/1.1 port|PRI * HTTP/2.0\r\n\r\nSM",
  })
  void aBrokenRequestLineIs400InTheEnvelope(String name, String line) throws Exception {
    List<RawHttp.Response> r = exchange(line + "\r\nHost: x\r\n\r\n");
    assertFalse(r.isEmpty(), name);
    assertTrue(r.get(0).status() >= 400 && r.get(0).status() < 500, r.toString());
    assertRawEnvelope(r.get(0), r.get(0).status(), null);
  }

  @Test
  void garbagePipelinedAfterAGoodRequestGetsItsOwn400AfterTheFirstAnswer() throws Exception {
    List<RawHttp.Response> r = exchange("GET " + P + "/health HTTP/1.1\r\nHost: x\r\n\r\nGARBAGE\r\n\r\n");
    assertEquals(2, r.size(), r.toString());
    assertEquals(200, r.get(0).status());
    assertRawEnvelope(r.get(1), 400, ErrorCode.INVALID_REQUEST);
  }

  @Test
  void pipelinedGoodRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
    try (RawHttp connection = new RawHttp(gateway.actualPort())) {
      String get = "GET " + P + "/payouts/" + EngineDouble.PAYOUT_ID + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
          + alice + "\r\n\r\n";
      connection.send(get + get + get);
      List<RawHttp.Response> r = connection.read(1_000);
      assertEquals(3, r.size());
      r.forEach(one -> assertEquals(200, one.status()));
      assertFalse(connection.closedByServer(), "a keep-alive connection with nothing wrong stays open");
    }
  }

  @Test
  void madeUpMethodsAre405Or404InTheEnvelopeAndNamedOtherEverywhere() throws Exception {
    for (String method : new String[] {"FOO", "GETT", "X".repeat(1_000), "PROPFIND", "BREW"}) {
      try (RawHttp connection = new RawHttp(gateway.actualPort())) {
        connection.send(method + " " + P + "/health HTTP/1.1\r\nHost: x\r\n\r\n");
        RawHttp.Response r = connection.read(500).get(0);
        JsonObject error = assertRawEnvelope(r, 405, ErrorCode.ROUTE_NOT_FOUND);
        assertEquals("this route does not allow the method OTHER", error.getString("message"));
        assertEquals("GET", r.header("Allow").orElseThrow());
      }
    }
  }

  @Test
  void unusualRequestTargetsAreAnsweredInTheEnvelope() throws Exception {
    String[] requests = {
        "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET http://evil.example" + P + "/nothing HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET " + P + "/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET " + P + "/he\u0000alth HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET " + P + "/payouts/%00 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + alice + "\r\n\r\n",
        "GET " + P + "/payouts/%ZZ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + alice + "\r\n\r\n",
        "GET " + P + "/health?%ZZ=1 HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST " + P + "/payouts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + alice + "\r\nIdempotency-Key: k\r\n"
            + "Content-Type: application/json\r\nX-Note: a\r\n  folded\r\nContent-Length: 2\r\n\r\n{}",
        "GET " + P + "/health HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
        "GET " + P + "/health HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
            + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n",
        "GET " + P + "/health HTTP/1.1\r\nHost: a b\r\n\r\n",
        "GET " + P + "/health HTTP/1.1\r\n\r\n",
    };
    for (String request : requests) {
      try (RawHttp connection = new RawHttp(gateway.actualPort())) {
        connection.send(request);
        List<RawHttp.Response> r = connection.read(500);
        assertEquals(1, r.size(), request);
        int status = r.get(0).status();
        assertTrue(r.get(0).header("X-Request-ID").isPresent(), r.toString());
        if (status != 200 && status != 201) {
          assertTrue(status >= 400 && status < 500, status + " for " + request);
          assertRawEnvelope(r.get(0), status, null);
        }
      }
    }
    assertTrue(engine.received().stream().allMatch(r -> r.body().getString("payout_id") == null
        || r.body().getString("payout_id").matches("payout_[A-Za-z0-9]+")), engine.received().toString());
  }

  @Test
  void http2WithoutTlsIsSpokenOnlyWhenConfigured() throws Exception {
    String preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
    RawHttp.Response refused = exchange(preface).get(0);
    assertEquals(400, refused.status(), "h2c is on by default");
    ServiceConfig.Gateway base = gatewayConfig();
    int h2c = deployAnotherPort(new ServiceConfig.Gateway(base.jwt(), 1, base.batchBodyLimit(),
        new ServiceConfig.Edge(10_000, 10_000, 60, false, true)));
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", h2c)) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(preface.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      byte[] frame = socket.getInputStream().readNBytes(9);
      assertEquals(4, frame[3], "the server's first HTTP/2 frame is SETTINGS");
    }
  }
}
