package com.lucid.payment.tron.api;

import java.util.Objects;

/**
 * A request to build and sign one attempt of a sealed payout (it is not broadcast: the caller persists it first).
 *
 * @param feeLimitPercent 100 normally; the engine raises it after an OUT_OF_ENERGY failure (100..1000)
 */
public record TransferOrder(SealedPayout payout, int attempt, int feeLimitPercent) {
  public static final int NORMAL_FEE_LIMIT_PERCENT = 100;
  public static final int MAX_FEE_LIMIT_PERCENT = 1000;

  public TransferOrder {
    Objects.requireNonNull(payout, "payout");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1");
    }
    if (feeLimitPercent < NORMAL_FEE_LIMIT_PERCENT || feeLimitPercent > MAX_FEE_LIMIT_PERCENT) {
      throw new IllegalArgumentException("feeLimitPercent must be 100..1000");
    }
  }

  /** An order with the normal fee limit. */
  public static TransferOrder of(SealedPayout payout, int attempt) {
    return new TransferOrder(payout, attempt, NORMAL_FEE_LIMIT_PERCENT);
  }
}
