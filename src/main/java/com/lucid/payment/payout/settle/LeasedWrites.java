package com.lucid.payment.payout.settle;

import com.lucid.payment.payout.model.Actor;
import com.lucid.payment.payout.model.Change;
import com.lucid.payment.payout.model.Payout;
import com.lucid.payment.payout.model.PayoutRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The worker's writes: each a compare-and-set on the payout's version and this worker's lease, as this worker. */
final class LeasedWrites {
  private final PayoutRepository payouts;
  private final Clock clock;
  private final String owner;
  private final Actor actor;

  LeasedWrites(PayoutRepository payouts, Clock clock, String owner) {
    this.payouts = payouts;
    this.clock = clock;
    this.owner = owner;
    this.actor = Actor.worker(owner);
  }

  Instant now() {
    return clock.instant();
  }

  long millis() {
    return clock.millis();
  }

  /** The payout as written; empty when someone else changed it first. */
  Future<Optional<Payout>> apply(Payout payout, Change change) {
    return payouts.apply(payout, change, actor, clock.instant(), owner);
  }

  /** A write that ends the turn: only whether it won matters. */
  Future<Boolean> applyLast(Payout payout, Change change) {
    return payouts.applyLast(payout, change, actor, clock.instant(), owner);
  }

  /** Ends a turn that wrote nothing more: the lease is freed and the payout looked at again at {@code next}. */
  Future<Void> release(Payout payout, Instant next) {
    return payouts.release(payout, owner, next);
  }
}
