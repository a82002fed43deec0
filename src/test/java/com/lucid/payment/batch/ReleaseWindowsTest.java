package com.lucid.payment.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.devnet.UsdtTransfer;
import com.lucid.payment.testing.MutableClock;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release windows on a moved clock: batches accepted on Wednesday 2026-11-18 10:20 UTC stay pending until the next
 * top of the hour, midnight, Monday and the last day of the month, then each settles on the devnet, and only then.
 */
class ReleaseWindowsTest {
  private static final Instant ACCEPTED = Instant.parse("2026-11-18T10:20:00Z");
  @TempDir Path dir;

  @Test
  @Timeout(120)
  void eachWindowHoldsItsPayoutsUntilTheClockPassesItThenTheySettle() throws Exception {
    MutableClock clock = MutableClock.at(ACCEPTED);
    try (TestService service = TestService.start(TestService.fastEnv(dir), clock)) {
      BatchCalls calls = new BatchCalls(service);
      Map<String, Instant> releases = new LinkedHashMap<>();
      releases.put("HOURLY", Instant.parse("2026-11-18T11:00:00Z"));
      releases.put("DAILY", Instant.parse("2026-11-19T00:00:00Z"));
      releases.put("WEEKLY", Instant.parse("2026-11-23T00:00:00Z"));
      releases.put("MONTHLY", Instant.parse("2026-11-30T00:00:00Z"));
      Map<String, JsonObject> batches = new LinkedHashMap<>();
      Map<String, String> recipients = new LinkedHashMap<>();
      for (String window : releases.keySet()) {
        JsonObject body = BatchCalls.fresh(2, window, null);
        JsonObject batch = calls.create("ops", "service", window, body).getJsonObject("batch");
        assertEquals(releases.get(window).toString(), batch.getString("release_at"), window);
        batches.put(window, batch);
        recipients.put(window, body.getJsonArray("payouts").getJsonObject(0).getString("recipient_address"));
      }
      // an IMMEDIATE payout settling proves the worker ran many rounds while the windows held
      String sentinel = calls.bus().pay("ops", "now", TestService.newAddress().base58(), "1");
      calls.bus().awaitStatus(sentinel, "confirmed", 60);

      List<String> windows = List.copyOf(releases.keySet());
      for (int i = 0; i < windows.size(); i++) {
        for (String later : windows.subList(i, windows.size())) {
          assertHeld(calls, service, batches.get(later), recipients.get(later), later);
        }
        clock.set(releases.get(windows.get(i)).plusSeconds(1));
        JsonObject done = calls.awaitBatch(batches.get(windows.get(i)).getString("batch_id"), "completed", 60);
        assertEquals(2, done.getInteger("completed_payouts"));
        assertNull(done.getString("estimated_completion"));
      }
      for (String window : windows) {
        List<UsdtTransfer> paid = service.devnet().transfers().stream()
            .filter(t -> t.to().equals(recipients.get(window))).toList();
        assertEquals(1, paid.size(), window + " paid once");
        assertEquals(1_000_000L, paid.get(0).amount());
      }
    }
  }

  private static void assertHeld(BatchCalls calls, TestService service, JsonObject batch, String recipient,
      String window) throws Exception {
    JsonObject status = calls.status(batch.getString("batch_id"), "ops", "service");
    assertEquals(2, status.getInteger("pending_payouts"), window + ": " + status.encode());
    assertEquals(batch.getString("release_at"), status.getString("release_at"));
    JsonObject payout = calls.bus().call(BusAddress.PAYOUT_GET, new JsonObject().put("payout_id",
        batch.getJsonArray("payout_ids").getString(0)), "ops", "service");
    assertEquals("pending", payout.getString("status"));
    assertNull(payout.getString("txid"));
    assertEquals(0, service.devnet().transfers().stream().filter(t -> t.to().equals(recipient)).count(), window);
  }
}
