package com.lucid.payment.payout.limits;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Usdt;
import com.lucid.payment.payout.model.DuplicateKey;
import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The limit counters ({@link LimitWindows}), reserved atomically when a payout is accepted and released when
 * it fails or is cancelled. Each window is one counter document; a reservation is a conditional increment that only
 * matches while the counter has room, so concurrent requests can never overshoot. A crash between two counters leaves
 * an over-reservation, never an overshoot.
 */
public final class LimitLedger {
  private final MongoClient mongo;

  public LimitLedger(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * Reserves the amount in every window at once (the increments share one store commit), or fails with
   * LIMIT_EXCEEDED naming the first window, in order, without room.
   */
  public Future<List<String>> reserve(List<Window> windows, long amount) {
    Map<Window, Long> each = new LinkedHashMap<>();
    windows.forEach(w -> each.put(w, amount));
    return reserveAll(each).compose(o -> {
      if (o.error() != null) {
        return Future.failedFuture(o.error());
      }
      if (o.refused() != null) {
        return used(o.refused().key()).compose(used -> Future.failedFuture(exceeded(o.refused(), used, amount)));
      }
      return Future.succeededFuture(windows.stream().map(Window::key).toList());
    });
  }

  /**
   * Reserves, for a group of payouts, each window's total at once: true when every window had room for its total.
   * Otherwise the caller reserves payout by payout, so that those that fit still go through.
   */
  public Future<Boolean> reserveTotals(Map<Window, Long> totals) {
    return reserveAll(totals).map(o -> o.error() == null && o.refused() == null);
  }

  /** How a reservation of several windows ended: the first window without room, or the first error, or neither. */
  private record Outcome(Window refused, Throwable error) {}

  /**
   * Increments every window by its amount at once. Unless all had room, what was reserved is given back; a window
   * whose increment failed outright is not: its outcome is unknown, and over-reserving is the safe side.
   */
  private Future<Outcome> reserveAll(Map<Window, Long> amounts) {
    List<Window> windows = List.copyOf(amounts.keySet());
    List<Future<Boolean>> tries = windows.stream().map(w -> increment(w, amounts.get(w))).toList();
    return Future.join(tries).transform(joined -> {
      Window refused = null;
      Throwable error = null;
      List<Future<Void>> undo = new ArrayList<>();
      for (int i = 0; i < windows.size(); i++) {
        Future<Boolean> t = tries.get(i);
        if (t.failed()) {
          error = error == null ? t.cause() : error;
        } else if (!t.result()) {
          refused = refused == null ? windows.get(i) : refused;
        }
      }
      if (refused == null && error == null) {
        return Future.succeededFuture(new Outcome(null, null));
      }
      for (int i = 0; i < windows.size(); i++) {
        if (tries.get(i).succeeded() && tries.get(i).result()) {
          undo.add(release(List.of(windows.get(i).key()), amounts.get(windows.get(i))));
        }
      }
      Outcome outcome = new Outcome(refused, error);
      return Future.join(undo).transform(v -> Future.succeededFuture(outcome));
    });
  }

  private Future<Boolean> increment(Window w, long amount) {
    if (amount > w.cap()) {
      return Future.succeededFuture(false);
    }
    JsonObject filter = new JsonObject().put("_id", w.key())
        .put("used", new JsonObject().put("$lte", w.cap() - amount));
    JsonObject update = new JsonObject().put("$inc", new JsonObject().put("used", amount));
    return mongo.findOneAndUpdateWithOptions(StoreSchema.LIMITS, filter, update, new FindOptions(),
            new UpdateOptions().setUpsert(true).setReturningNewDocument(true))
        .map(doc -> doc != null)
        // an existing counter without room makes the upsert collide on _id: that is "no room", not an error
        .recover(err -> DuplicateKey.is(err) ? Future.succeededFuture(false) : Future.failedFuture(err));
  }

  /** Gives the amount back to each window (best effort per window; a failure leaves an over-reservation). */
  public Future<Void> release(List<String> keys, long amount) {
    List<Future<?>> all = new ArrayList<>();
    for (String key : keys) {
      all.add(mongo.updateCollection(StoreSchema.LIMITS, new JsonObject().put("_id", key),
          new JsonObject().put("$inc", new JsonObject().put("used", -amount))));
    }
    return Future.join(all).mapEmpty();
  }

  public Future<Long> used(String key) {
    return mongo.findOne(StoreSchema.LIMITS, new JsonObject().put("_id", key), null)
        .map(doc -> doc == null ? 0L : doc.getLong("used", 0L));
  }

  private static ApiFailure exceeded(Window w, long used, long amount) {
    long remaining = Math.max(0, w.cap() - used);
    return new ApiFailure(ErrorCode.LIMIT_EXCEEDED, "the " + w.name() + " limit would be exceeded: "
        + Usdt.format(remaining) + " USDT remaining", new JsonObject()
        .put("limit", w.name()).put("limit_usdt", Usdt.format(w.cap())).put("used_usdt", Usdt.format(used))
        .put("remaining_usdt", Usdt.format(remaining)).put("requested_usdt", Usdt.format(amount)));
  }
}
