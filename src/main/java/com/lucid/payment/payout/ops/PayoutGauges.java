package com.lucid.payment.payout.ops;

import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.limits.SafetyBreaker;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutStatus;
import com.lucid.payment.payout.model.RouterType;
import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Refreshes the brief's gauges: payouts per status, holds per reason, limit usage, the breaker's state. */
public final class PayoutGauges {
  private static final List<String> HOLD_REASONS = List.of("paused", "circuit_breaker_open", "insufficient_usdt",
      "insufficient_trx", "tron_unavailable", "chain_mismatch");

  private final MongoClient mongo;
  private final LimitLedger limits;
  private final PayoutMetrics metrics;
  private final Clock clock;

  public PayoutGauges(MongoClient mongo, LimitLedger limits, PayoutMetrics metrics, Clock clock) {
    this.mongo = mongo;
    this.limits = limits;
    this.metrics = metrics;
    this.clock = clock;
  }

  public Future<Void> refresh(SafetyBreaker.Snapshot breaker) {
    Instant now = clock.instant();
    if (breaker != null) {
      metrics.gauge("tron_circuit_breaker_status", null, null, breaker.state().ordinal());
    }
    List<LimitLedger.Window> windows = limits.windows(RouterType.PayoutRouterV0, now);
    Future<Void> usage = Future.all(limits.used(windows.get(1).key()), limits.used(windows.get(2).key()))
        .map(all -> {
          metrics.usdtGauge("tron_daily_limit_usage_usdt", all.resultAt(0));
          metrics.usdtGauge("tron_hourly_limit_usage_usdt", all.resultAt(1));
          return null;
        });
    // a count per status and a read of the live payouts only: both served by the status index, never a full read
    List<Future<Void>> counts = new ArrayList<>();
    JsonArray live = new JsonArray();
    for (PayoutStatus s : PayoutStatus.values()) {
      counts.add(mongo.count(StoreSchema.PAYOUTS, new JsonObject().put("status", s.api()))
          .map(n -> {
            metrics.gauge("tron_" + s.api() + "_payouts_count", null, null, n);
            return null;
          }));
      if (!s.terminal()) {
        live.add(s.api());
      }
    }
    JsonObject held = new JsonObject().put("status", new JsonObject().put("$in", live))
        .put("hold_reason", new JsonObject().put("$in", new JsonArray(HOLD_REASONS)));
    counts.add(mongo.findWithOptions(StoreSchema.PAYOUTS, held,
        new FindOptions().setFields(new JsonObject().put("hold_reason", 1))).map(docs -> {
          Map<String, Long> byHold = new HashMap<>();
          for (JsonObject d : docs) {
            byHold.merge(d.getString("hold_reason"), 1L, Long::sum);
          }
          for (String reason : HOLD_REASONS) {
            metrics.gauge("tron_payout_holds", "reason", reason, byHold.getOrDefault(reason, 0L));
          }
          return null;
        }));
    counts.add(usage);
    return Future.join(counts).mapEmpty();
  }
}
