package com.lucid.payment.payout;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Usdt;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The router and global limits (UTC days and hours), reserved atomically when a payout is accepted and released when
 * it fails or is cancelled. Each window is one counter document; a reservation is a conditional increment that only
 * matches while the counter has room, so concurrent requests can never overshoot. A crash between two counters leaves
 * an over-reservation, never an overshoot.
 */
final class LimitLedger {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

  private final MongoClient mongo;
  private final ServiceConfig.Payouts config;

  LimitLedger(MongoClient mongo, ServiceConfig.Payouts config) {
    this.mongo = mongo;
    this.config = config;
  }

  /** One counter: its id, its cap, and the name clients see when it is exhausted. */
  record Window(String key, long cap, String name) {}

  List<Window> windows(RouterType router, Instant now) {
    ServiceConfig.RouterLimits r = router == RouterType.PayoutRouterKYC ? config.kyc() : config.v0();
    return List.of(
        new Window("router:" + router.name() + ":day:" + DAY.format(now), r.dailyUnits(), router.name() + " daily"),
        new Window("global:day:" + DAY.format(now), config.globalDailyUnits(), "global daily"),
        new Window("global:hour:" + HOUR.format(now), config.globalHourlyUnits(), "global hourly"));
  }

  /**
   * Reserves the amount in every window at once (the increments share one store commit), or fails with
   * LIMIT_EXCEEDED naming the first window, in order, without room; what the others reserved is given back. A window
   * whose increment failed outright is not given back: its outcome is unknown, and over-reserving is the safe side.
   */
  Future<List<String>> reserve(List<Window> windows, long amount) {
    List<Future<Boolean>> tries = windows.stream().map(w -> increment(w, amount)).toList();
    return Future.join(tries).transform(joined -> {
      List<String> reserved = new ArrayList<>();
      Window refused = null;
      Throwable error = null;
      for (int i = 0; i < windows.size(); i++) {
        Future<Boolean> t = tries.get(i);
        if (t.succeeded() && t.result()) {
          reserved.add(windows.get(i).key());
        } else if (t.succeeded()) {
          refused = refused == null ? windows.get(i) : refused;
        } else {
          error = error == null ? t.cause() : error;
        }
      }
      if (refused == null && error == null) {
        return Future.succeededFuture(List.copyOf(reserved));
      }
      Throwable failure = error;
      Window full = refused;
      Future<Void> undone = release(reserved, amount);
      return failure != null ? undone.transform(v -> Future.failedFuture(failure))
          : undone.compose(v -> used(full.key())).compose(used -> Future.failedFuture(exceeded(full, used, amount)));
    });
  }

  /**
   * Reserves, for a group of payouts, each window's total at once: true when every window had room for its total.
   * Otherwise what was reserved is given back and the answer is false: the caller then reserves payout by payout, so
   * that those that fit still go through. A window whose increment failed outright stays reserved (unknown outcome,
   * the safe side).
   */
  Future<Boolean> reserveTotals(Map<Window, Long> totals) {
    List<Window> windows = List.copyOf(totals.keySet());
    List<Future<Boolean>> tries = windows.stream().map(w -> increment(w, totals.get(w))).toList();
    return Future.join(tries).transform(joined -> {
      if (tries.stream().allMatch(t -> t.succeeded() && t.result())) {
        return Future.succeededFuture(true);
      }
      List<Future<Void>> undo = new ArrayList<>();
      for (int i = 0; i < windows.size(); i++) {
        if (tries.get(i).succeeded() && tries.get(i).result()) {
          undo.add(release(List.of(windows.get(i).key()), totals.get(windows.get(i))));
        }
      }
      return Future.join(undo).transform(v -> Future.succeededFuture(false));
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
        .recover(err -> isDuplicateKey(err) ? Future.succeededFuture(false) : Future.failedFuture(err));
  }

  static boolean isDuplicateKey(Throwable err) {
    String m = String.valueOf(err.getMessage());
    return m.contains("E11000") || m.contains("duplicate key");
  }

  /** Gives the amount back to each window (best effort per window; a failure leaves an over-reservation). */
  Future<Void> release(List<String> keys, long amount) {
    List<Future<?>> all = new ArrayList<>();
    for (String key : keys) {
      all.add(mongo.updateCollection(StoreSchema.LIMITS, new JsonObject().put("_id", key),
          new JsonObject().put("$inc", new JsonObject().put("used", -amount))));
    }
    return Future.join(all).mapEmpty();
  }

  Future<Long> used(String key) {
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
