package com.lucid.payment.tron.api;

import com.lucid.payment.tron.chain.TronAddress;
import java.util.Objects;

/**
 * A request to build and sign one attempt of a payout (it is not broadcast: the caller persists it first).
 *
 * @param amount USDT base units (1 USDT = 1,000,000), > 0
 * @param feeLimitPercent 100 normally; the engine raises it after an OUT_OF_ENERGY failure (100..1000)
 */
public record TransferOrder(String payoutId, int attempt, TronAddress recipient, long amount, int feeLimitPercent) {
  public static final int NORMAL_FEE_LIMIT_PERCENT = 100;
  public static final int MAX_FEE_LIMIT_PERCENT = 1000;

  public TransferOrder {
    Objects.requireNonNull(payoutId, "payoutId");
    Objects.requireNonNull(recipient, "recipient");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1");
    }
    if (amount <= 0) {
      throw new IllegalArgumentException("amount must be > 0 base units");
    }
    if (feeLimitPercent < NORMAL_FEE_LIMIT_PERCENT || feeLimitPercent > MAX_FEE_LIMIT_PERCENT) {
      throw new IllegalArgumentException("feeLimitPercent must be 100..1000");
    }
  }

  /** An order with the normal fee limit. */
  public static TransferOrder of(String payoutId, int attempt, TronAddress recipient, long amount) {
    return new TransferOrder(payoutId, attempt, recipient, amount, NORMAL_FEE_LIMIT_PERCENT);
  }
}
