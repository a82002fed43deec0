package com.lucid.payment.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.Usdt;
import com.lucid.payment.devnet.UsdtTransfer;
import com.lucid.payment.testing.Await;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** The end of a crash run: every accepted payout confirmed, and the chain showing each paid exactly once. */
final class Settlement {
  private Settlement() {}

  /**
   * Polls the service until every payout it holds is confirmed; returns them by id. A failed or cancelled payout, or
   * one still open when {@code seconds} run out, fails the test with every payout's state.
   */
  static Map<String, JsonObject> awaitAllConfirmed(PayoutsApi api, int seconds, String context) throws Exception {
    AtomicReference<Map<String, JsonObject>> seen = new AtomicReference<>(Map.of());
    // a probe lists every payout: as often as before, not as often as a cheap one
    return Await.atMost(Duration.ofSeconds(seconds), Duration.ofMillis(250), () -> {
      try {
        seen.set(api.all().stream().collect(Collectors.toMap(p -> p.getString("payout_id"), p -> p)));
      } catch (IOException busy) {
        return false;
      }
      for (JsonObject p : seen.get().values()) {
        if (Set.of("failed", "cancelled").contains(p.getString("status"))) {
          throw new AssertionError(context + ": payout ended " + p.getString("status") + ": " + p.encode());
        }
      }
      return seen.get().values().stream().allMatch(p -> "confirmed".equals(p.getString("status")));
    }, Boolean::booleanValue).map(all -> seen.get())
        .orElseThrow(() -> new AssertionError(context + ": not all payouts confirmed: " + summary(seen.get())));
  }

  private static Map<String, String> summary(Map<String, JsonObject> byId) {
    Map<String, String> out = new TreeMap<>();
    byId.forEach((id, p) -> out.put(id, p.getString("status") + " " + p.getString("hold_reason", "")));
    return out;
  }

  /**
   * The service's own record agrees: each payout's last attempt is the confirmed one, under the payout's txid, and
   * every earlier attempt is dead (expired unincluded, or failed on chain). Returns how many needed a new attempt.
   */
  static int assertEarlierAttemptsDead(PayoutsApi api, Map<String, JsonObject> confirmedById, String context)
      throws Exception {
    int resigned = 0;
    for (JsonObject payout : confirmedById.values()) {
      String id = payout.getString("payout_id");
      JsonObject tx = api.transaction(id);
      List<JsonObject> attempts = tx.getJsonArray("attempts").stream().map(o -> (JsonObject) o).toList();
      JsonObject last = attempts.get(attempts.size() - 1);
      assertEquals("confirmed", last.getString("outcome"), context + ": " + id + " last attempt " + tx.encode());
      assertEquals(payout.getString("txid"), last.getString("txid"), context + ": " + id + " " + tx.encode());
      for (JsonObject earlier : attempts.subList(0, attempts.size() - 1)) {
        assertTrue(Set.of("expired", "failed").contains(earlier.getString("outcome")),
            context + ": " + id + " has an earlier attempt that is not dead: " + tx.encode());
      }
      resigned += attempts.size() > 1 ? 1 : 0;
    }
    return resigned;
  }

  /**
   * The service holds exactly the accepted payouts, each as ordered; the journal shows one transfer per payout, from
   * the hot wallet to its recipient, of its amount, under its txid; nothing else moved, and the hot wallet's USDT
   * went down by exactly the sum.
   */
  static void assertPaidExactlyOnce(StandaloneDevnet.Journal journal, String hotWallet, long usdtBefore,
      Map<String, PayoutOrder> acceptedById, Map<String, JsonObject> confirmedById, String context) {
    assertEquals(acceptedById.keySet(), confirmedById.keySet(),
        context + ": the service holds exactly the accepted payouts");
    Map<String, List<UsdtTransfer>> byRecipient = journal.transfers().stream()
        .collect(Collectors.groupingBy(UsdtTransfer::to));
    long sum = 0;
    for (Map.Entry<String, PayoutOrder> e : acceptedById.entrySet()) {
      PayoutOrder order = e.getValue();
      JsonObject payout = confirmedById.get(e.getKey());
      String what = context + ": payout " + e.getKey() + " (" + order.key() + ")";
      assertEquals(order.recipient(), payout.getString("recipient_address"), what + " recipient");
      assertEquals(order.amount(), Usdt.parse(payout.getString("amount_usdt")), what + " amount");
      List<UsdtTransfer> paid = byRecipient.getOrDefault(order.recipient(), List.of());
      assertEquals(1, paid.size(), what + " was paid " + paid.size() + " times: " + paid);
      UsdtTransfer transfer = paid.get(0);
      assertEquals(hotWallet, transfer.from(), what + " paid from the hot wallet");
      assertEquals(order.amount(), transfer.amount(), what + " paid its exact amount");
      assertEquals(payout.getString("txid"), transfer.txid(), what + " paid by its own txid");
      sum = Math.addExact(sum, order.amount());
    }
    long fromHot = journal.transfers().stream().filter(t -> t.from().equals(hotWallet)).count();
    assertEquals(acceptedById.size(), fromHot, context + ": transfers from the hot wallet");
    assertEquals(acceptedById.size(), journal.transfers().size(), context + ": USDT transfers on the chain");
    assertEquals(Math.subtractExact(usdtBefore, sum), journal.usdtUnits().get(hotWallet),
        context + ": the hot wallet's USDT went down by exactly the sum of the payouts");
  }
}
