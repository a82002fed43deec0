package com.lucid.payment.payout.settle;

import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.model.AuditAction;
import com.lucid.payment.payout.model.Change;
import com.lucid.payment.payout.model.HoldReason;
import com.lucid.payment.payout.model.Payout;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.logging.Logger;

/** A payout held with a reason: written once (with its audit event) when the reason is new, then left to wait. */
final class Holding {
  private static final Logger LOG = Logger.getLogger(Holding.class.getName());
  private final LeasedWrites writes;
  private final ServiceConfig.Worker config;

  Holding(LeasedWrites writes, ServiceConfig.Worker config) {
    this.writes = writes;
    this.config = config;
  }

  /** Held until the engine looks again: a few rounds later, at least a second. */
  Future<Turn> hold(Payout payout, HoldReason reason) {
    return hold(payout, reason, null, writes.now().plusMillis(Math.max(config.poll().toMillis() * 5L, 1_000)));
  }

  Future<Turn> hold(Payout payout, HoldReason reason, String why, Instant later) {
    if (payout.state().hold().filter(reason::equals).isPresent()) {
      return Future.succeededFuture(Turn.until(payout, later));
    }
    JsonObject detail = new JsonObject().put("reason", reason.stored());
    if (why != null) {
      detail.put("why", why);
    }
    Change change = Change.of().hold(reason).audit(AuditAction.HELD, detail).releasing(later);
    return writes.applyLast(payout, change).map(Turn.OVER);
  }

  /** Held for a person's decision (an audited admin review), with an alert, until {@code later}. */
  Future<Turn> needsReview(Payout payout, String why, Instant later) {
    if (payout.state().hold().filter(HoldReason.NEEDS_REVIEW::equals).isEmpty()) {
      LOG.severe(() -> "payout " + payout.id() + " needs review: " + why);
    }
    return hold(payout, HoldReason.NEEDS_REVIEW, why, later);
  }
}
