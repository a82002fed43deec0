package com.lucid.payment.payout.settle;

import com.lucid.payment.payout.model.Attempt;
import java.util.List;

/** The fee limit the next attempt asks for, in percent of the TRON client's estimate. */
final class FeeLimit {
  private static final String OUT_OF_ENERGY = "OUT_OF_ENERGY";

  private FeeLimit() {}

  /** Each attempt that ended in OUT_OF_ENERGY doubles it, up to 10 times the estimate (the client caps it too). */
  static int percentAfter(List<Attempt> attempts) {
    long outOfEnergy = attempts.stream().filter(a -> OUT_OF_ENERGY.equals(a.result())).count();
    return (int) Math.min(1000, 100L << Math.min(outOfEnergy, 4));
  }
}
