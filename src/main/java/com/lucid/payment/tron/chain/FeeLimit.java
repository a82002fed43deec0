package com.lucid.payment.tron.chain;

/** The fee_limit of a transfer: estimated energy × energy price × margin, capped, never 0. */
public final class FeeLimit {
  private FeeLimit() {}

  /**
   * Computes ceil(energy × energyFeeSun × marginPercent / 100), at most {@code capSun}, at least 1.
   * An unknown (≤ 0) energy estimate or price, or a product beyond a long, gives the cap: paying
   * up to the cap is safer than a fee_limit that makes the transfer run out of energy.
   *
   * @param marginPercent safety margin, 130 for ×1.3; at least 100
   * @param capSun the configured maximum fee limit, > 0
   */
  public static long compute(long energy, long energyFeeSun, int marginPercent, long capSun) {
    if (capSun <= 0) {
      throw new IllegalArgumentException("fee limit cap must be > 0 sun");
    }
    if (marginPercent < 100) {
      throw new IllegalArgumentException("margin must be at least 100 percent");
    }
    if (energy <= 0 || energyFeeSun <= 0) {
      return capSun;
    }
    long product;
    try {
      product = Math.multiplyExact(Math.multiplyExact(energy, energyFeeSun), (long) marginPercent);
    } catch (ArithmeticException overflow) {
      return capSun;
    }
    long fee = product / 100 + (product % 100 == 0 ? 0 : 1);
    return Math.max(1, Math.min(fee, capSun));
  }
}
