package com.lucid.payment.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.Role;
import com.lucid.payment.store.StoreSchema;
import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.HttpApi;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of concurrent creates, written in shared groups: keys sent twice at once and more than the hourly limit
 * allows; then keys reused with another body. Each key gives one payout, every answer for a key names it, a reused key
 * with another body is refused, the limit is never overshot, and the counters hold exactly what was accepted.
 */
class BurstAcceptTest {
  @TempDir Path dir;
  private TestService service;

  @AfterEach
  void tearDown() throws Exception {
    service.close();
  }

  private static JsonObject body(String recipient, String amount) {
    return new JsonObject().put("recipient_address", recipient).put("amount_usdt", amount).put("reason", "burst")
        .put("router_type", "PayoutRouterV0").put("batch_type", "DAILY");
  }

  /** Posts until the answer is not 409 (still in flight): what a client retrying would do. */
  private static HttpApi.Reply post(HttpApi api, String token, String key, JsonObject body) throws Exception {
    return Await.until("key " + key + " to be answered, not in flight", Duration.ofSeconds(10),
        () -> api.post("/payouts", token, body.encode(), Map.of("Idempotency-Key", key)), r -> r.status() != 409);
  }

  @Test
  @Timeout(120)
  void concurrentCreatesGiveOnePayoutPerKeyAndNeverOvershootTheLimit() throws Exception {
    Map<String, String> env = TestService.fastEnv(dir);
    env.put("PAYOUT_HOURLY_LIMIT", "60");
    env.put("PAYOUT_DAILY_LIMIT", "100");
    service = TestService.start(env);
    HttpApi api = new HttpApi(service.api());
    String admin = service.token("root", Role.ADMIN);

    Map<String, JsonObject> bodies = new HashMap<>();
    List<String> sends = new ArrayList<>();
    for (int i = 0; i < 40; i++) { // 40 keys of 2 USDT each, every one sent twice at once: 80 USDT asked, 60 allowed
      String key = "twice-" + i;
      bodies.put(key, body(TestService.newAddress().base58(), "2"));
      sends.add(key);
      sends.add(key);
    }
    ExecutorService pool = Executors.newFixedThreadPool(32);
    List<Future<HttpApi.Reply>> same = new ArrayList<>();
    for (String key : sends) {
      same.add(pool.submit((Callable<HttpApi.Reply>) () -> post(api, admin, key, bodies.get(key))));
    }
    Map<String, String> payoutOfKey = new HashMap<>();
    int refusedOverLimit = 0;
    for (int i = 0; i < sends.size(); i++) {
      HttpApi.Reply r = same.get(i).get(60, TimeUnit.SECONDS);
      String key = sends.get(i);
      if (r.status() == 400) {
        assertEquals("LUCID_ERR_2002", r.errorCode(), r.body());
        refusedOverLimit++;
        continue;
      }
      assertTrue(r.status() == 201 || r.status() == 200, r.body());
      String id = r.json().getString("payout_id");
      String before = payoutOfKey.putIfAbsent(key, id);
      assertTrue(before == null || before.equals(id), "key " + key + " named two payouts");
      assertEquals("2", r.json().getString("amount_usdt"), r.body());
    }
    List<Future<HttpApi.Reply>> other = new ArrayList<>();
    for (int i = 0; i < 5; i++) { // then the first five keys again, at once, with another amount
      String key = "twice-" + i;
      other.add(pool.submit((Callable<HttpApi.Reply>) () -> post(api, admin, key,
          bodies.get(key).copy().put("amount_usdt", "3"))));
    }
    for (Future<HttpApi.Reply> f : other) {
      HttpApi.Reply r = f.get(60, TimeUnit.SECONDS);
      assertTrue(r.status() == 422 || r.status() == 400, "another body under a used key: " + r.body());
    }
    pool.shutdown();

    assertEquals(30, payoutOfKey.size(), "exactly the hourly limit (60 USDT) is accepted, one payout per key");
    assertTrue(refusedOverLimit >= 10, "the other keys were refused over the limit");
    var mongo = service.app().store().mongo();
    List<JsonObject> stored = mongo.find(StoreSchema.PAYOUTS, new JsonObject()).await(10, TimeUnit.SECONDS);
    Set<String> storedIds = new HashSet<>();
    stored.forEach(p -> storedIds.add(p.getString("_id")));
    assertEquals(new HashSet<>(payoutOfKey.values()), storedIds, "the stored payouts are exactly those answered");
    long reserved = mongo.find(StoreSchema.LIMITS, new JsonObject()).await(10, TimeUnit.SECONDS).stream()
        .filter(c -> c.getString("_id").startsWith("global:hour:")).mapToLong(c -> c.getLong("used")).sum();
    assertEquals(60_000_000L, reserved, "the hourly counter holds exactly the accepted amounts");
  }
}
