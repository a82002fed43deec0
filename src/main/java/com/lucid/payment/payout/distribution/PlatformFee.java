package com.lucid.payment.payout.distribution;

/** The distribution's platform fee, exact in base units: gross × basis points / 10,000, rounded down. */
final class PlatformFee {
  private static final int BASIS_POINTS = 10_000;

  private PlatformFee() {}

  /** Rounded down to a base unit, so a fee never exceeds its rate; ArithmeticException past a long. */
  static long of(long gross, int feeBps) {
    return Math.multiplyExact(gross, (long) feeBps) / BASIS_POINTS;
  }
}
