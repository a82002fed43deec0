package com.lucid.payment.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.Role;
import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.HttpApi;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Limits, cancellation, pause and the admin breaker, as an operator sees them over HTTP. */
class LimitsAndAdminTest {
  @TempDir Path dir;
  private TestService service;
  private HttpApi api;
  private String admin;

  private void start(Map<String, String> extra) throws Exception {
    Map<String, String> env = TestService.fastEnv(dir);
    env.putAll(extra);
    service = TestService.start(env);
    api = new HttpApi(service.api());
    admin = service.token("root", Role.ADMIN);
  }

  @AfterEach
  void tearDown() throws Exception {
    service.close();
  }

  private HttpApi.Reply pay(String key, String amount, String batchType) throws Exception {
    JsonObject body = new JsonObject().put("recipient_address", TestService.newAddress().base58())
        .put("amount_usdt", amount).put("reason", "limits").put("router_type", "PayoutRouterV0")
        .put("batch_type", batchType);
    return api.post("/payouts", admin, body.encode(), Map.of("Idempotency-Key", key));
  }

  private JsonObject awaitPayout(String id, String field, String value) throws Exception {
    return Await.until("payout " + id + " to have " + field + "=" + value, Duration.ofSeconds(60),
        () -> api.get("/payouts/" + id, admin).json(), p -> value.equals(p.getString(field)));
  }

  @Test
  @Timeout(120)
  void concurrentRequestsNeverOvershootALimitAndACancelGivesItsAmountBack() throws Exception {
    start(Map.of("PAYOUT_HOURLY_LIMIT", "10", "PAYOUT_DAILY_LIMIT", "20"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<HttpApi.Reply>> replies = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String key = "burst-" + i;
      replies.add(pool.submit(() -> pay(key, "1", "DAILY")));
    }
    int accepted = 0;
    String firstAccepted = null;
    for (Future<HttpApi.Reply> f : replies) {
      HttpApi.Reply r = f.get();
      if (r.status() == 201) {
        accepted++;
        firstAccepted = firstAccepted == null ? r.json().getString("payout_id") : firstAccepted;
      } else {
        assertEquals(400, r.status(), r.body());
        assertEquals("LUCID_ERR_2002", r.errorCode());
        JsonObject details = r.json().getJsonObject("error").getJsonObject("details");
        assertEquals("global hourly", details.getString("limit"));
        assertEquals("0", details.getString("remaining_usdt"));
      }
    }
    pool.shutdown();
    assertEquals(10, accepted, "exactly the hourly limit is accepted, never more");

    HttpApi.Reply cancelled = api.post("/payouts/" + firstAccepted + "/cancel", admin, "{}", Map.of());
    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals("cancelled", cancelled.json().getString("status"));
    assertEquals(201, pay("after-cancel", "1", "DAILY").status(), "the cancelled amount is available again");
    HttpApi.Reply again = api.post("/payouts/" + firstAccepted + "/cancel", admin, "{}", Map.of());
    assertEquals(409, again.status());
    assertEquals("LUCID_ERR_2016", again.errorCode());
  }

  /** Whether /metrics shows the line within the gauges' refresh (every 5 s). */
  private boolean awaitMetric(String line) throws Exception {
    HttpApi management = new HttpApi("http://127.0.0.1:" + service.app().managementPort());
    return Await.atMost(Duration.ofSeconds(15), () -> management.get("/metrics", null).body().lines()
        .anyMatch(line::equals), Boolean::booleanValue).isPresent();
  }

  @Test
  @Timeout(120)
  void pauseHoldsNewPayoutsWithAReasonAndResumeReleasesThem() throws Exception {
    start(Map.of());
    assertEquals(200, api.post("/admin/pause", admin, "{\"reason\":\"maintenance\"}", Map.of()).status());
    String id = pay("paused-1", "3", "IMMEDIATE").json().getString("payout_id");
    JsonObject held = awaitPayout(id, "hold_reason", "paused");
    assertEquals("pending", held.getString("status"));
    assertTrue(service.devnet().transfers().isEmpty());
    assertTrue(awaitMetric("tron_payout_holds{reason=\"paused\"} 1.0"), "the held payout is counted by reason");
    assertEquals(400, api.post("/admin/pause", admin, "{\"why\":\"x\"}", Map.of()).status());

    assertEquals(200, api.post("/admin/resume", admin, "{}", Map.of()).status());
    JsonObject confirmed = awaitPayout(id, "status", "confirmed");
    assertEquals(1, service.devnet().transfers().size());
    assertEquals(confirmed.getString("txid"), service.devnet().transfers().get(0).txid());
  }

  @Test
  @Timeout(120)
  void anAdminTrippedBreakerRefusesNewPayoutsUntilReset() throws Exception {
    start(Map.of());
    HttpApi.Reply tripped = api.post("/admin/circuit-breaker", admin,
        "{\"action\":\"trip\",\"reason\":\"suspicious volume\"}", Map.of());
    assertEquals(200, tripped.status(), tripped.body());
    assertEquals("open", tripped.json().getString("state"));
    HttpApi.Reply refused = pay("tripped-1", "1", "IMMEDIATE");
    assertEquals(400, refused.status());
    assertEquals("LUCID_ERR_2003", refused.errorCode());
    assertEquals("open", api.get("/admin/circuit-breaker", admin).json().getString("state"));

    assertEquals("closed", api.post("/admin/circuit-breaker", admin, "{\"action\":\"reset\"}", Map.of())
        .json().getString("state"));
    String id = pay("tripped-1", "1", "IMMEDIATE").json().getString("payout_id");
    awaitPayout(id, "status", "confirmed");
    JsonObject wallet = api.get("/admin/wallet", admin).json();
    assertEquals("999999", wallet.getString("usdt"), wallet.encode());
  }
}
