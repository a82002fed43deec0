package com.lucid.payment.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.devnet.UsdtTransfer;
import com.lucid.payment.store.StoreSchema;
import com.lucid.payment.testing.MutableClock;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With one payout in flight at a time, payouts released together are signed URGENT, HIGH, NORMAL, LOW, and oldest
 * first within a priority, whether they came alone or in a batch: the chain's order and the "released" audit events
 * say so.
 */
class PriorityOrderTest {
  private static final Instant START = Instant.parse("2026-11-18T10:20:00Z");
  @TempDir Path dir;

  @Test
  @Timeout(120)
  void releasedPayoutsAreSignedByPriorityThenAge() throws Exception {
    MutableClock clock = MutableClock.at(START);
    Map<String, String> env = TestService.fastEnv(dir);
    env.put("PAYOUT_MAX_IN_FLIGHT", "1");
    try (TestService service = TestService.start(env, clock)) {
      BatchCalls calls = new BatchCalls(service);
      // created a second apart, in this order; all wait for 11:00
      String[] priorities = {"LOW", "NORMAL", "URGENT", "NORMAL", "HIGH", "URGENT", "HIGH"};
      List<String> recipients = new ArrayList<>();
      List<String> payoutIds = new ArrayList<>();
      for (int i = 0; i < priorities.length; i++) {
        clock.set(START.plusSeconds(i));
        String recipient = TestService.newAddress().base58();
        recipients.add(recipient);
        if (i % 2 == 0) { // alone, or in a one-payout batch: the order is the same
          JsonObject request = BatchCalls.item(recipient, "1").put("router_type", "PayoutRouterV0")
              .put("priority", priorities[i]).put("batch_type", "HOURLY");
          payoutIds.add(calls.bus().call(BusAddress.PAYOUT_CREATE, new JsonObject().put("idempotency_key", "p" + i)
              .put("request", request), "ops", "service").getJsonObject("payout").getString("payout_id"));
        } else {
          JsonObject body = BatchCalls.body(new JsonArray().add(BatchCalls.item(recipient, "1")), "HOURLY",
              priorities[i]);
          payoutIds.add(calls.create("ops", "service", "b" + i, body).getJsonObject("batch")
              .getJsonArray("payout_ids").getString(0));
        }
      }
      clock.set(Instant.parse("2026-11-18T11:00:01Z"));
      for (String id : payoutIds) {
        calls.bus().awaitStatus(id, "confirmed", 60);
      }

      List<Integer> expected = List.of(2, 5, 4, 6, 1, 3, 0); // URGENT(2,5) HIGH(4,6) NORMAL(1,3) LOW(0)
      List<String> chainOrder = service.devnet().transfers().stream().map(UsdtTransfer::to).toList();
      assertEquals(expected.stream().map(recipients::get).toList(), chainOrder);

      List<JsonObject> stored = new ArrayList<>();
      for (String id : payoutIds) {
        stored.add(service.app().store().mongo().findOne(StoreSchema.PAYOUTS, new JsonObject().put("_id", id), null)
            .await(5, TimeUnit.SECONDS));
      }
      List<String> releaseOrder = stored.stream()
          .sorted(Comparator.comparing(PriorityOrderTest::releasedAt))
          .map(d -> d.getString("recipient_address")).toList();
      assertEquals(chainOrder, releaseOrder);
    }
  }

  private static Instant releasedAt(JsonObject payout) {
    return payout.getJsonArray("audit").stream().map(e -> (JsonObject) e)
        .filter(e -> "released".equals(e.getString("action"))).map(e -> Instant.parse(e.getString("at")))
        .findFirst().orElseThrow();
  }
}
