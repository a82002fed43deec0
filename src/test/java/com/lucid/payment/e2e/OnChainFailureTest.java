package com.lucid.payment.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.Role;
import com.lucid.payment.api.Usdt;
import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.HttpApi;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions that fail on chain (a fee limit too low for the transfer's energy): each failure is a new attempt
 * with a higher fee limit, the payout fails after the retries with its reason, no USDT moves, and consecutive failures
 * open the payout circuit breaker, which then refuses new payouts and signs nothing.
 */
class OnChainFailureTest {
  @TempDir Path dir;
  private TestService service;

  @AfterEach
  void tearDown() throws Exception {
    service.close();
  }

  @Test
  @Timeout(150)
  void outOfEnergyIsRetriedThenFailedAndTheBreakerOpens() throws Exception {
    Map<String, String> env = TestService.fastEnv(dir);
    env.put("TRON_FEE_LIMIT_CAP_TRX", "1"); // 10,000 energy at 100 sun: a USDT transfer needs over 64,000
    env.put("MAX_PAYOUT_RETRY_ATTEMPTS", "1");
    env.put("CIRCUIT_BREAKER_FAILURE_THRESHOLD", "3");
    service = TestService.start(env);
    HttpApi api = new HttpApi(service.api());
    String admin = service.token("root", Role.ADMIN);
    long trxBefore = Usdt.parse(api.get("/admin/wallet", admin).json().getString("trx"));

    String first = create(api, admin, "oof-1");
    JsonObject failed = await(api, admin, first, "failed");
    assertEquals("OUT_OF_ENERGY", failed.getString("failure_code"));
    assertTrue(failed.getString("failure_message").contains("2 times"), failed.getString("failure_message"));
    JsonArray attempts = api.get("/payouts/" + first + "/transaction", admin).json().getJsonArray("attempts");
    assertEquals(2, attempts.size(), attempts.encode());

    String second = create(api, admin, "oof-2");
    JsonObject held = awaitHold(api, admin, second);
    assertEquals("circuit_breaker_open", held.getString("hold_reason"));
    assertEquals("processing", held.getString("status"), "its dead attempt is kept; nothing new is signed");
    HttpApi.Reply refused = api.post("/payouts", admin, body().encode(), Map.of("Idempotency-Key", "oof-3"));
    assertEquals("LUCID_ERR_2003", refused.errorCode());
    assertEquals("open", api.get("/admin/circuit-breaker", admin).json().getString("state"));

    assertTrue(service.devnet().transfers().isEmpty(), "no USDT moved");
    long trxAfter = Usdt.parse(api.get("/admin/wallet", admin).json().getString("trx"));
    assertTrue(trxAfter < trxBefore, "the failed attempts burnt their fee limits: " + trxBefore + " -> " + trxAfter);
  }

  private static JsonObject body() {
    return new JsonObject().put("recipient_address", TestService.newAddress().base58()).put("amount_usdt", "5")
        .put("reason", "energy").put("router_type", "PayoutRouterV0");
  }

  private String create(HttpApi api, String token, String key) throws Exception {
    HttpApi.Reply r = api.post("/payouts", token, body().encode(), Map.of("Idempotency-Key", key));
    assertEquals(201, r.status(), r.body());
    return r.json().getString("payout_id");
  }

  private JsonObject await(HttpApi api, String token, String id, String status) throws Exception {
    return Await.until(id + " to be " + status, Duration.ofSeconds(100), () -> api.get("/payouts/" + id, token).json(),
        p -> status.equals(p.getString("status")));
  }

  private JsonObject awaitHold(HttpApi api, String token, String id) throws Exception {
    return Await.until(id + " to be held", Duration.ofSeconds(100), () -> api.get("/payouts/" + id, token).json(),
        p -> p.getString("hold_reason") != null);
  }
}
