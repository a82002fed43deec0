package com.lucid.payment.payout.settle;

import com.lucid.payment.payout.model.Payout;
import java.time.Instant;

/**
 * How a worker's step on a payout ended: still holding the lease on {@code held} (the payout as last written or read)
 * until it is freed to be looked at again at {@code next}; going on with {@code held} in the same turn (an attempt
 * just proven dead, so the next may be signed now); or over (the last write freed the lease, a race was lost, or the
 * payout is final).
 */
record Turn(Payout held, Instant next, boolean goesOn) {
  static final Turn OVER = new Turn(null, null, false);

  static Turn until(Payout held, Instant next) {
    return new Turn(held, next, false);
  }

  static Turn goOn(Payout held) {
    return new Turn(held, null, true);
  }
}
