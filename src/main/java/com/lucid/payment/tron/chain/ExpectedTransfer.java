package com.lucid.payment.tron.chain;

import java.util.Objects;

/**
 * What a transaction must do to be signed for a payout.
 *
 * @param amount token base units the payout pays
 * @param feeLimitCapSun the highest acceptable fee_limit
 * @param nowMs the reference time for the expiration window (head block time or wall clock)
 * @param expirationWindowMs expiration must be in (now, now + window]
 */
public record ExpectedTransfer(
    TronAddress owner,
    TronAddress usdtContract,
    TronAddress recipient,
    long amount,
    long feeLimitCapSun,
    long nowMs,
    long expirationWindowMs) {

  public ExpectedTransfer {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(usdtContract, "usdtContract");
    Objects.requireNonNull(recipient, "recipient");
    if (amount <= 0 || feeLimitCapSun <= 0 || expirationWindowMs <= 0) {
      throw new IllegalArgumentException("amount, fee limit cap and expiration window must be > 0");
    }
  }
}
