package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body is read only for a caller who may send it: every refusal below is answered while the client has sent its
 * head and nothing of the body it announced, and the connection then closes instead of reading the rest.
 */
@Timeout(60)
class UnreadBodiesTest extends GatewayFixture {
  private static final String P = GatewayVerticle.BASE;

  /** Sends only the head; the answer must come without a byte of the body. */
  private RawHttp.Response answerToHead(String head) throws Exception {
    try (RawHttp connection = new RawHttp(gateway.actualPort())) {
      connection.send(head + "\r\n");
      List<RawHttp.Response> r = connection.read(1_000);
      assertEquals(1, r.size(), "no answer before the body: " + r);
      assertEquals("close", r.get(0).header("Connection").orElseThrow(), r.toString());
      assertFalse(r.get(0).body().contains("100 Continue"));
      assertTrue(connection.awaitClose((int) Intake.LINGER_MS + 5_000), "the connection waits for the body");
      return r.get(0);
    }
  }

  private static String head(String method, String path, String token, String... headers) {
    StringBuilder head = new StringBuilder(method + " " + P + path + " HTTP/1.1\r\nHost: x\r\n");
    if (token != null) {
      head.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    return head.toString();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/payouts/batch", "/distributions", "/distributions/preview", "/payouts", "/admin/pause"})
  void anUnauthenticatedBodyIsNeverRead(String path) throws Exception {
    RawHttp.Response r = answerToHead(head("POST", path, null, "Content-Type: application/json",
        "Content-Length: 1048576", "Idempotency-Key: k1"));
    HostileFramingTest.assertRawEnvelope(r, 401, ErrorCode.UNAUTHENTICATED);
    RawHttp.Response chunked = answerToHead(head("POST", path, "not-a-token", "Content-Type: application/json",
        "Transfer-Encoding: chunked", "Expect: 100-continue"));
    HostileFramingTest.assertRawEnvelope(chunked, 401, ErrorCode.UNAUTHENTICATED);
    assertTrue(engine.received().isEmpty());
  }

  @Test
  void aCallerWithoutThePermissionSendsNoBody() throws Exception {
    RawHttp.Response r = answerToHead(head("POST", "/admin/wallet/stake", token("alice", Role.END_USER),
        "Content-Type: application/json", "Content-Length: 50000"));
    HostileFramingTest.assertRawEnvelope(r, 403, ErrorCode.FORBIDDEN);
  }

  @Test
  void aBodyAnnouncedLargerThanTheLimitIs413AtOnce() throws Exception {
    String admin = token("root", Role.ADMIN);
    HostileFramingTest.assertRawEnvelope(answerToHead(head("POST", "/payouts", admin, "Content-Type: application/json",
        "Idempotency-Key: k1", "Content-Length: " + (Endpoint.DEFAULT_BODY_LIMIT + 1))), 413, ErrorCode.PAYLOAD_TOO_LARGE);
    HostileFramingTest.assertRawEnvelope(answerToHead(head("POST", "/payouts/batch", admin,
        "Content-Type: application/json", "Idempotency-Key: k1", "Content-Length: 999999999999")), 413,
        ErrorCode.PAYLOAD_TOO_LARGE);
    assertTrue(engine.received().isEmpty());
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedBeforeItIsRead() throws Exception {
    String admin = token("root", Role.ADMIN);
    for (String type : new String[] {"multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
        "text/plain", "application/jsonx"}) {
      HostileFramingTest.assertRawEnvelope(answerToHead(head("POST", "/admin/pause", admin, "Content-Type: " + type,
          "Content-Length: 60000")), 400, ErrorCode.INVALID_REQUEST);
    }
  }

  @Test
  void aBodyOnARouteThatTakesNoneIsNotRead() throws Exception {
    RawHttp.Response r = answerToHead(head("GET", "/payouts/" + EngineDouble.PAYOUT_ID, token("alice", Role.END_USER),
        "Content-Type: application/json", "Content-Length: 1000000"));
    assertEquals(200, r.status());
  }

  @Test
  void aSmallRefusedBodyStillGetsItsAnswerToAClientThatKeepsSending() throws Exception {
    try (RawHttp connection = new RawHttp(gateway.actualPort())) {
      connection.send(head("POST", "/payouts/batch", null, "Content-Type: application/json",
          "Content-Length: 40000") + "\r\n" + "x".repeat(40_000));
      List<RawHttp.Response> r = connection.read(3_000);
      assertEquals(1, r.size(), r.toString());
      HostileFramingTest.assertRawEnvelope(r.get(0), 401, ErrorCode.UNAUTHENTICATED);
      assertTrue(connection.closedByServer());
    }
  }
}
