package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.auth.TestTokens;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Correctly signed tokens whose claims still must not get in: a role that only case folding makes admin, and
 * lifetimes that are infinite, absurd or longer than the configured maximum.
 */
@Timeout(30)
class TokenClaimsTest extends GatewayFixture {
  private static final String WALLET = "/admin/wallet";

  /** A token signed with the test secret whose claims are given as raw JSON text (e.g. a number Java cannot write). */
  private static String rawClaims(String json) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input = TestTokens.encode(TestTokens.header("HS256")) + "."
        + b64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(TestTokens.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }

  @ParameterizedTest(name = "role {0}")
  @ValueSource(strings = {"admın", "ADMİN", "Admin", "aDmIn", "admin ", "ADMIN\u0000", "ａｄｍｉｎ"})
  void aRoleIsMatchedExactlyNeverByCaseFolding(String role) throws Exception {
    String token = TestTokens.hs256(TestTokens.claims("mallory", role));
    Http.Response r = http.get(WALLET, token);
    assertEnvelope(r, ErrorCode.FORBIDDEN);
    assertTrue(engine.received().isEmpty());
  }

  @Test
  void theLowerAndUpperCaseNamesAreTheRoles() throws Exception {
    assertEquals(200, http.get(WALLET, TestTokens.hs256(TestTokens.claims("root", "admin"))).status());
    assertEquals(200, http.get(WALLET, TestTokens.hs256(TestTokens.claims("root", "ADMIN"))).status());
  }

  @ParameterizedTest(name = "exp {0}")
  @ValueSource(strings = {"1e400", "-1e400", "1e18", "95617584000", "9223372036854775807", "99999999999999999999999",
      "1.5e9", "\"1896000000\"", "null", "true", "[1896000000]"})
  void anExpThatIsNotAFiniteNearTimeInWholeSecondsIsRefused(String exp) throws Exception {
    long now = Instant.now().getEpochSecond();
    String token = rawClaims("{\"sub\":\"mallory\",\"role\":\"admin\",\"iat\":" + now + ",\"exp\":" + exp + "}");
    assertEnvelope(http.get(WALLET, token), ErrorCode.UNAUTHENTICATED);
    assertTrue(engine.received().isEmpty());
  }

  @Test
  void aTokenLivingLongerThanTheMaximumIsRefusedAndOneWithinItIsAccepted() throws Exception {
    long now = Instant.now().getEpochSecond();
    long max = gatewayConfig().jwt().maxLifetimeSeconds();
    JsonObject claims = TestTokens.claims("root", "admin");
    assertEnvelope(http.get(WALLET, TestTokens.hs256(claims.copy().put("exp", now + max + 120))),
        ErrorCode.UNAUTHENTICATED);
    assertEnvelope(http.get(WALLET, TestTokens.hs256(claims.copy().put("exp", 95_617_584_000L))),
        ErrorCode.UNAUTHENTICATED); // the year 5000
    assertEquals(200, http.get(WALLET, TestTokens.hs256(claims.copy().put("exp", now + max - 60))).status());
  }

  @Test
  void iatAndNbfMustBeWholeSecondsToo() throws Exception {
    long now = Instant.now().getEpochSecond();
    String base = "{\"sub\":\"mallory\",\"role\":\"admin\",\"exp\":" + (now + 600);
    assertEnvelope(http.get(WALLET, rawClaims(base + ",\"iat\":1e400}")), ErrorCode.UNAUTHENTICATED);
    assertEnvelope(http.get(WALLET, rawClaims(base + ",\"nbf\":-1e400}")), ErrorCode.UNAUTHENTICATED);
    assertEquals(200, http.get(WALLET, rawClaims(base + ",\"iat\":" + now + "}")).status());
  }
}
