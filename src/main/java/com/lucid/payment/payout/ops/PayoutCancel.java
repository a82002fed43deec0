package com.lucid.payment.payout.ops;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.model.Actor;
import com.lucid.payment.payout.model.AuditAction;
import com.lucid.payment.payout.model.Change;
import com.lucid.payment.payout.model.Payout;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutRepository;
import com.lucid.payment.payout.model.PayoutStatus;
import com.lucid.payment.payout.model.PayoutView;
import com.lucid.payment.payout.settle.SignerDecisions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;

/** POST /payouts/{id}/cancel: only while no attempt of it was signed; its limit reservation is given back. */
public final class PayoutCancel {
  private final PayoutQueries queries;
  private final PayoutRepository payouts;
  private final LimitLedger limits;
  private final SignerDecisions signer;
  private final PayoutMetrics metrics;
  private final Clock clock;

  public PayoutCancel(PayoutQueries queries, PayoutRepository payouts, LimitLedger limits, SignerDecisions signer,
      PayoutMetrics metrics, Clock clock) {
    this.queries = queries;
    this.payouts = payouts;
    this.limits = limits;
    this.signer = signer;
    this.metrics = metrics;
    this.clock = clock;
  }

  public Future<JsonObject> cancel(String payoutId, CallContext caller) {
    return queries.visible(payoutId, caller).compose(p -> cancel(p, caller, 3));
  }

  private Future<JsonObject> cancel(Payout payout, CallContext caller, int tries) {
    PayoutStatus status = payout.status();
    if (status.terminal() || !payout.attempts().isEmpty()) {
      return Future.failedFuture(new ApiFailure(ErrorCode.INVALID_STATE, "payout is " + status.api()
          + (status.terminal() ? "" : " and its transaction is already signed") + ": it can no longer be cancelled"));
    }
    Instant now = clock.instant();
    Change change = Change.of().status(PayoutStatus.CANCELLED).clearHold().limitsReleased()
        .audit(AuditAction.CANCELLED, new JsonObject());
    return payouts.apply(payout, change, Actor.of(caller), now, null).compose(updated -> {
      if (updated.isPresent()) {
        metrics.finished(updated.get(), PayoutStatus.CANCELLED, now);
        return limits.release(payout.terms().limitKeys(), payout.amount())
            .compose(v -> signer.closed(payout.id()))
            .map(v -> PayoutView.of(updated.get(), now));
      }
      if (tries <= 1) {
        return Future.failedFuture(new ApiFailure(ErrorCode.INVALID_STATE,
            "payout changed while being cancelled; retry"));
      }
      return payouts.find(payout.id()).compose(again -> cancel(again.orElseThrow(), caller, tries - 1));
    });
  }
}
