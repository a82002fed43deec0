package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.bus.BusAddress;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Per-user limits per route, per-address for /health; the headers on every limited response. */
@Timeout(60)
class RateLimitTest extends GatewayFixture {
  private static final String BODY = "{\"amount_usdt\":\"1.50\"}";

  @Test
  void theEleventhPayoutInAMinuteIs429AndOtherUsersAndRoutesAreUnaffected() throws Exception {
    String alice = token("alice", Role.END_USER);
    long beforeFirst = Instant.now().getEpochSecond();
    long afterFirst = 0;
    for (int i = 1; i <= 10; i++) {
      Http.Response r = http.post("/payouts", alice, BODY, "Idempotency-Key", "k" + i);
      if (i == 1) {
        afterFirst = Instant.now().getEpochSecond();
      }
      assertEquals(201, r.status(), r.body());
      assertEquals("10", r.header("X-RateLimit-Limit").orElseThrow());
      assertEquals(Integer.toString(10 - i), r.header("X-RateLimit-Remaining").orElseThrow());
      long reset = Long.parseLong(r.header("X-RateLimit-Reset").orElseThrow());
      // the window opened with the first request: it resets a minute after that request, whenever the others came
      assertTrue(reset >= beforeFirst + 59 && reset <= afterFirst + 61,
          "reset " + reset + ", first request between " + beforeFirst + " and " + afterFirst);
    }
    Http.Response limited = http.post("/payouts", alice, BODY, "Idempotency-Key", "k11");
    JsonObject error = assertEnvelope(limited, ErrorCode.RATE_LIMITED);
    long retryAfter = Long.parseLong(limited.header("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    assertEquals(new JsonObject().put("limit", 10).put("window", 60).put("retry_after", retryAfter),
        error.getJsonObject("details"));
    assertEquals("0", limited.header("X-RateLimit-Remaining").orElseThrow());
    assertEquals("10", limited.header("X-RateLimit-Limit").orElseThrow());
    assertTrue(limited.header("X-RateLimit-Reset").isPresent());
    assertEquals(10, engine.received().stream().filter(r -> r.address() == BusAddress.PAYOUT_CREATE).count());

    Http.Response bob = http.post("/payouts", token("bob", Role.END_USER), BODY, "Idempotency-Key", "k1");
    assertEquals(201, bob.status());
    assertEquals("9", bob.header("X-RateLimit-Remaining").orElseThrow());
    Http.Response list = http.get("/payouts", alice);
    assertEquals(200, list.status());
    assertEquals("30", list.header("X-RateLimit-Limit").orElseThrow());
  }

  @Test
  void errorsAfterTheLimitStepStillCarryTheHeaders() throws Exception {
    Http.Response forbidden = http.get("/admin/wallet", token("alice", Role.END_USER));
    assertEnvelope(forbidden, ErrorCode.FORBIDDEN);
    assertEquals("10", forbidden.header("X-RateLimit-Limit").orElseThrow());
    Http.Response missing = http.get("/payouts/nope", token("alice", Role.END_USER));
    assertEnvelope(missing, ErrorCode.NOT_FOUND);
    assertEquals("59", missing.header("X-RateLimit-Remaining").orElseThrow());
  }

  @Test
  void theMultiplierRaisesEveryLimit() throws Exception {
    Http scaled = deployAnother(hs256(Optional.empty(), Optional.empty(), 100));
    Http.Response r = scaled.post("/payouts", token("alice", Role.END_USER), BODY, "Idempotency-Key", "k1");
    assertEquals("1000", r.header("X-RateLimit-Limit").orElseThrow());
    assertEquals("12000", scaled.get("/health", null).header("X-RateLimit-Limit").orElseThrow());
  }

  @Test
  void healthNeedsNoTokenAndIsLimitedPerClientAddress() throws Exception {
    for (int i = 1; i <= 120; i++) {
      Http.Response r = http.get("/health", null);
      assertEquals(200, r.status());
      assertEquals("healthy", r.json().getString("status"));
      assertEquals(Integer.toString(120 - i), r.header("X-RateLimit-Remaining").orElseThrow());
    }
    assertEnvelope(http.get("/health", null), ErrorCode.RATE_LIMITED);
    assertEquals(200, http.get("/payouts", token("alice", Role.END_USER)).status());
  }
}
