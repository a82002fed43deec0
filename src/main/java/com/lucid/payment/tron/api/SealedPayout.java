package com.lucid.payment.tron.api;

import com.lucid.payment.tron.chain.TronAddress;
import java.util.Objects;

/**
 * The fields of a payout that decide a payment, as accepted, with their seal: what the TRON client needs before it
 * signs, broadcasts or judges anything for that payout, and checks against the seal first.
 *
 * @param amount USDT base units (1 USDT = 1,000,000), > 0
 * @param seal hex HMAC of the other fields (see {@code seal.PayoutSeal})
 */
public record SealedPayout(String payoutId, String userId, String routerType, TronAddress recipient, long amount,
    TronAddress usdtContract, String seal) {

  public SealedPayout {
    Objects.requireNonNull(payoutId, "payoutId");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(usdtContract, "usdtContract");
    if (amount <= 0) {
      throw new IllegalArgumentException("amount must be > 0 base units");
    }
  }
}
