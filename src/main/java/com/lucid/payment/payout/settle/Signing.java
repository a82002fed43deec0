package com.lucid.payment.payout.settle;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.model.Attempt;
import com.lucid.payment.payout.model.AuditAction;
import com.lucid.payment.payout.model.Change;
import com.lucid.payment.payout.model.HoldReason;
import com.lucid.payment.payout.model.Payout;
import com.lucid.payment.payout.model.PayoutStatus;
import com.lucid.payment.tron.api.AttemptRef;
import com.lucid.payment.tron.api.BroadcastOutcome;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.api.TransferOrder;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Sign, persist, then broadcast: the TRON client signs without sending; the signed attempt is written with the payout
 * (and its release to processing) in one compare-and-set before the first broadcast, and if that write loses the
 * signed bytes are dropped unsent. A broadcast always sends the stored bytes again.
 */
final class Signing {
  /** TRON's answer when the wallet cannot pay a transaction's bandwidth. */
  private static final String BANDWIDTH_ERROR = "BANDWITH_ERROR";
  private final PlaneBus bus;
  private final LeasedWrites writes;
  private final ServiceConfig.Worker config;

  Signing(PlaneBus bus, LeasedWrites writes, ServiceConfig.Worker config) {
    this.bus = bus;
    this.writes = writes;
    this.config = config;
  }

  Future<Turn> signAndBroadcast(Payout payout) {
    int n = payout.attempts().size() + 1;
    int feePercent = FeeLimit.percentAfter(payout.attempts());
    TransferOrder order = new TransferOrder(payout.sealed(), n, feePercent);
    return bus.<SignedAttempt>request(BusAddress.TRON_SIGN, order).compose(signed -> {
      Change change = Change.of();
      if (payout.status() == PayoutStatus.PENDING) {
        change.status(PayoutStatus.PROCESSING).audit(AuditAction.RELEASED, new JsonObject());
      }
      change.attempts(payout.withNew(Attempt.signed(signed, feePercent))).clearHold()
          .audit(AuditAction.SIGNED, new JsonObject().put("attempt", n).put("txid", signed.txid())
              .put("expiration_ms", signed.expirationMs()).put("fee_limit_sun", signed.feeLimitSun()));
      return writes.apply(payout, change).compose(updated -> updated
          .map(p -> broadcast(p, p.current().orElseThrow()))
          .orElse(Future.succeededFuture(Turn.OVER)));
    });
  }

  /** Sends the attempt's bytes and records the outcome in the write that ends the turn. */
  Future<Turn> broadcast(Payout payout, Attempt attempt) {
    AttemptRef ref = new AttemptRef(payout.sealed(), attempt.signedAttempt(payout.id()));
    return bus.<BroadcastOutcome>request(BusAddress.TRON_BROADCAST, ref).compose(outcome -> {
      String kind = outcome.kind().name();
      Change change = Change.of().attempts(payout.withLast(attempt.broadcast(writes.millis(), kind, outcome.code())))
          .releasing(writes.now().plusMillis(config.chainRecheck().toMillis()));
      if (!kind.equals(attempt.lastOutcome())) {
        change.audit(AuditAction.BROADCAST, new JsonObject().put("attempt", attempt.n()).put("outcome", kind)
            .put("code", outcome.code()));
      }
      if (BANDWIDTH_ERROR.equals(outcome.code())) {
        change.hold(HoldReason.INSUFFICIENT_TRX);
      }
      return writes.applyLast(payout, change).map(Turn.OVER);
    });
  }
}
