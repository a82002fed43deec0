package com.lucid.payment.payout;

import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Refreshes the brief's gauges: payouts per status, holds per reason, limit usage, the breaker's state. */
final class PayoutGauges {
  private static final List<String> HOLD_REASONS = List.of("paused", "circuit_breaker_open", "insufficient_usdt",
      "insufficient_trx", "tron_unavailable", "chain_mismatch");

  private final MongoClient mongo;
  private final LimitLedger limits;
  private final PayoutMetrics metrics;
  private final Clock clock;

  PayoutGauges(MongoClient mongo, LimitLedger limits, PayoutMetrics metrics, Clock clock) {
    this.mongo = mongo;
    this.limits = limits;
    this.metrics = metrics;
    this.clock = clock;
  }

  Future<Void> refresh(SafetyBreaker.Snapshot breaker) {
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
    Future<Void> counts = mongo.findWithOptions(StoreSchema.PAYOUTS, new JsonObject(),
        new FindOptions().setFields(new JsonObject().put("status", 1).put("hold_reason", 1))).map(docs -> {
          Map<String, Long> byStatus = new HashMap<>();
          Map<String, Long> byHold = new HashMap<>();
          for (JsonObject d : docs) {
            byStatus.merge(d.getString("status"), 1L, Long::sum);
            if (d.getString("hold_reason") != null && !PayoutStatus.fromApi(d.getString("status"))
                .map(PayoutStatus::terminal).orElse(true)) {
              byHold.merge(d.getString("hold_reason"), 1L, Long::sum);
            }
          }
          for (PayoutStatus s : PayoutStatus.values()) {
            metrics.gauge("tron_" + s.api() + "_payouts_count", null, null, byStatus.getOrDefault(s.api(), 0L));
          }
          for (String reason : HOLD_REASONS) {
            metrics.gauge("tron_payout_holds", "reason", reason, byHold.getOrDefault(reason, 0L));
          }
          return null;
        });
    return Future.join(usage, counts).mapEmpty();
  }
}
