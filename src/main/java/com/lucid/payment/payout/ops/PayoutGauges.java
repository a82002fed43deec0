package com.lucid.payment.payout.ops;

import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.limits.LimitWindows;
import com.lucid.payment.payout.limits.SafetyBreaker;
import com.lucid.payment.payout.model.HoldReason;
import com.lucid.payment.payout.model.PayoutLookups;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutStatus;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Refreshes the brief's gauges: payouts per status, holds per reason and how long the oldest has waited, limit
 * usage, the breaker's state.
 */
public final class PayoutGauges {
  /** Every hold, those that ask a person too: the alerts on needs_review and integrity_violation read these. */
  private static final List<HoldReason> GAUGED = Arrays.asList(HoldReason.values());

  private final PayoutLookups lookups;
  private final LimitLedger limits;
  private final LimitWindows windows;
  private final PayoutMetrics metrics;
  private final Clock clock;

  public PayoutGauges(PayoutLookups lookups, LimitLedger limits, LimitWindows windows, PayoutMetrics metrics,
      Clock clock) {
    this.lookups = lookups;
    this.limits = limits;
    this.windows = windows;
    this.metrics = metrics;
    this.clock = clock;
  }

  public Future<Void> refresh(SafetyBreaker.Snapshot breaker) {
    Instant now = clock.instant();
    if (breaker != null) {
      metrics.gauge("tron_circuit_breaker_status", null, null, breaker.state().ordinal());
    }
    Future<Void> usage = Future.all(limits.used(windows.globalDay(now).key()), limits.used(windows.globalHour(now)
        .key())).map(all -> {
          metrics.usdtGauge("tron_daily_limit_usage_usdt", all.resultAt(0));
          metrics.usdtGauge("tron_hourly_limit_usage_usdt", all.resultAt(1));
          return null;
        });
    // a count per status and a read of the live payouts held: both served by an index, never a full read
    List<Future<Void>> counts = new ArrayList<>();
    for (PayoutStatus s : PayoutStatus.values()) {
      counts.add(lookups.count(s).map(n -> {
        metrics.gauge("tron_" + s.api() + "_payouts_count", null, null, n);
        return null;
      }));
    }
    counts.add(lookups.held(GAUGED, now).map(held -> {
      held.forEach((reason, h) -> {
        metrics.gauge("tron_payout_holds", "reason", reason.stored(), h.count());
        metrics.gauge("tron_payout_oldest_hold_seconds", "reason", reason.stored(), h.oldestWaitMs() / 1000);
      });
      return null;
    }));
    counts.add(usage);
    return Future.join(counts).mapEmpty();
  }
}
