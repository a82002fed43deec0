package com.lucid.payment.payout.audit;

import com.lucid.payment.payout.limits.SafetyBreaker;
import com.lucid.payment.payout.model.Actor;
import com.lucid.payment.payout.model.PayoutFields;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * What happens to a payout whose seals do not hold, or that contradicts what the signer remembers: it is held with
 * {@code integrity_violation} and never looked at by a worker again, the safety breaker is tripped (nothing is signed
 * until an admin resets it), and a metric, a log line and an audit event record it. Nothing it says is acted on.
 */
public final class Quarantine {
  private static final Logger LOG = Logger.getLogger(Quarantine.class.getName());

  private final PayoutRepository payouts;
  private final SafetyBreaker breaker;
  private final PayoutMetrics metrics;
  private final Clock clock;
  private final String owner;

  public Quarantine(PayoutRepository payouts, SafetyBreaker breaker, PayoutMetrics metrics, Clock clock, String owner) {
    this.payouts = payouts;
    this.breaker = breaker;
    this.metrics = metrics;
    this.clock = clock;
    this.owner = owner;
  }

  /** Quarantines the payout as stored (by id alone: nothing else it says is believed). */
  public Future<Void> hold(JsonObject stored, String problem) {
    String id = String.valueOf(stored.getValue(PayoutFields.ID));
    metrics.integrityViolation();
    LOG.severe(() -> "payout " + id + ": integrity violation, never signed or sent: " + problem
        + "; the safety breaker is tripped until an admin resets it");
    return breaker.trip("integrity violation on payout " + id, clock.instant())
        .compose(v -> payouts.quarantine(stored, problem, Actor.worker(owner), clock.instant()));
  }
}
