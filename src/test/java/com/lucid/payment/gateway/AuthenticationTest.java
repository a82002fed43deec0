package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.auth.TestTokens;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.bus.Plane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who gets in: real HS256 JWTs against the real gateway; every refused token is a 401 envelope that reaches no one. */
@Timeout(30)
class AuthenticationTest extends GatewayFixture {
  private static final String PAYOUT = "/payouts/" + EngineDouble.PAYOUT_ID;

  @Test
  void validTokenReachesTheEngineAsItsUserRoleAndRequestId() throws Exception {
    Http.Response r = http.send("GET", PAYOUT, token("alice", Role.END_USER), null, "X-Request-ID", "trace-77");
    assertEquals(200, r.status(), r.body());
    assertEquals(EngineDouble.PAYOUT_ID, r.json().getString("payout_id"));
    assertEquals(new CallContext(Plane.OPS, "alice", "end_user", "trace-77"), engine.last().caller());
  }

  @Test
  void lucidAuthServiceTokenWithUserIdAndUpperCaseRoleIsAccepted() throws Exception {
    long now = Instant.now().getEpochSecond();
    JsonObject lucid = new JsonObject().put("user_id", "6650f1c2a9").put("role", "NODE_OPERATOR")
        .put("type", "access").put("jti", "j-1").put("iat", now).put("nbf", now).put("exp", now + 900);
    Http.Response r = http.get(PAYOUT, TestTokens.hs256(lucid));
    assertEquals(200, r.status(), r.body());
    assertEquals("6650f1c2a9", engine.last().caller().userId());
    assertEquals("node_operator", engine.last().caller().role());
  }

  @Test
  void noTokenIsChallenged() throws Exception {
    Http.Response r = http.get(PAYOUT, null);
    assertEnvelope(r, ErrorCode.UNAUTHENTICATED);
    assertEquals("Bearer realm=\"lucid-payment\"", r.header("WWW-Authenticate").orElseThrow());
    Http.Response basic = http.send("GET", PAYOUT, null, null, "Authorization", "Basic YWxpY2U6c2VjcmV0");
    assertEnvelope(basic, ErrorCode.UNAUTHENTICATED);
    assertTrue(engine.received().isEmpty());
  }

  static Stream<Arguments> refusedTokens() {
    JsonObject valid = TestTokens.claims("mallory", "admin");
    long now = Instant.now().getEpochSecond();
    return Stream.of(
        refused("forged with another secret", () -> TestTokens.hmac("HmacSHA256",
            "another-secret-of-more-than-thirty-two-bytes", TestTokens.header("HS256"), valid)),
        refused("expired beyond the clock skew", () -> TestTokens.hs256(valid.copy().put("exp", now - 45))),
        refused("issued in the future", () -> TestTokens.hs256(valid.copy().put("iat", now + 300))),
        refused("not valid yet", () -> TestTokens.hs256(valid.copy().put("nbf", now + 300))),
        refused("claims changed after signing", () -> {
          String[] parts = TestTokens.hs256(TestTokens.claims("mallory", "end_user")).split("\\.");
          return parts[0] + "." + TestTokens.encode(valid) + "." + parts[2];
        }),
        refused("alg none", () -> TestTokens.unsigned(valid)),
        refused("alg none with a signature", () -> TestTokens.hmac("HmacSHA256", TestTokens.SECRET,
            TestTokens.header("none"), valid)),
        refused("HS384", () -> TestTokens.hmac("HmacSHA384", TestTokens.SECRET, TestTokens.header("HS384"), valid)),
        refused("RS256 header", () -> TestTokens.hmac("HmacSHA256", TestTokens.SECRET, TestTokens.header("RS256"),
            valid)),
        refused("embedded jwk", () -> TestTokens.hmac("HmacSHA256", TestTokens.SECRET, TestTokens.header("HS256")
            .put("jwk", new JsonObject().put("kty", "oct").put("k", "c2VjcmV0")), valid)),
        refused("jku", () -> TestTokens.hmac("HmacSHA256", TestTokens.SECRET, TestTokens.header("HS256")
            .put("jku", "https://evil.example/jwks.json"), valid)),
        refused("x5u", () -> TestTokens.hmac("HmacSHA256", TestTokens.SECRET, TestTokens.header("HS256")
            .put("x5u", "https://evil.example/cert.pem"), valid)),
        refused("x5c", () -> TestTokens.hmac("HmacSHA256", TestTokens.SECRET, TestTokens.header("HS256")
            .put("x5c", new JsonArray().add("MIIB")), valid)),
        refused("crit", () -> TestTokens.hmac("HmacSHA256", TestTokens.SECRET, TestTokens.header("HS256")
            .put("crit", new JsonArray().add("exp")), valid)),
        refused("no exp", () -> TestTokens.hs256(new JsonObject().put("sub", "mallory").put("role", "admin"))),
        refused("exp as text", () -> TestTokens.hs256(valid.copy().put("exp", "tomorrow"))),
        refused("no sub and no user_id", () -> TestTokens.hs256(valid.copy().put("sub", (String) null))),
        refused("a subject with spaces", () -> TestTokens.hs256(valid.copy().put("sub", "alice admin"))),
        refused("two segments", () -> TestTokens.hs256(valid).substring(0, TestTokens.hs256(valid).lastIndexOf('.'))),
        refused("not a JWT", () -> "hello"),
        refused("padded base64", () -> TestTokens.hs256(valid).replaceFirst("\\.", "=."))
    );
  }

  private static Arguments refused(String name, Supplier<String> token) {
    return Arguments.of(name, token);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedTokens")
  void refusedTokenIs401AndReachesNoOne(String name, Supplier<String> token) throws Exception {
    Http.Response r = http.get("/admin/wallet", token.get());
    JsonObject error = assertEnvelope(r, ErrorCode.UNAUTHENTICATED);
    assertTrue(r.header("WWW-Authenticate").orElseThrow().startsWith("Bearer "));
    assertTrue(error.getString("message").length() < 100, error.getString("message"));
    assertTrue(engine.received().isEmpty());
  }

  @Test
  void clockSkewOfThirtySecondsIsTolerated() throws Exception {
    long now = Instant.now().getEpochSecond();
    JsonObject claims = TestTokens.claims("alice", "end_user").put("exp", now - 10).put("nbf", now + 10);
    assertEquals(200, http.get(PAYOUT, TestTokens.hs256(claims)).status());
  }

  @Test
  void validTokenWithAnUnknownOrMissingRoleIsForbidden() throws Exception {
    Http.Response unknown = http.get(PAYOUT, TestTokens.hs256(TestTokens.claims("eve", "superuser")));
    assertEnvelope(unknown, ErrorCode.FORBIDDEN);
    Http.Response missing = http.get(PAYOUT, TestTokens.hs256(TestTokens.claims("eve", "x").put("role", (String) null)));
    assertEnvelope(missing, ErrorCode.FORBIDDEN);
    assertTrue(engine.received().isEmpty());
  }

  @Test
  void issuerAndAudienceAreCheckedWhenConfigured() throws Exception {
    Http strict = deployAnother(hs256(Optional.of("lucid-auth"), Optional.of("lucid-payment"), 1));
    JsonObject claims = TestTokens.claims("alice", "end_user").put("iss", "lucid-auth").put("aud", "lucid-payment");
    assertEquals(200, strict.get(PAYOUT, TestTokens.hs256(claims)).status());
    JsonObject listed = claims.copy().put("aud", new JsonArray().add("lucid-gui").add("lucid-payment"));
    assertEquals(200, strict.get(PAYOUT, TestTokens.hs256(listed)).status());
    for (JsonObject wrong : new JsonObject[] {
        claims.copy().put("iss", "someone-else"), claims.copy().put("iss", (String) null),
        claims.copy().put("aud", "lucid-gui"), claims.copy().put("aud", (String) null)}) {
      assertEnvelope(strict.get(PAYOUT, TestTokens.hs256(wrong)), ErrorCode.UNAUTHENTICATED);
    }
    assertEquals(2, engine.received().size());
  }
}
