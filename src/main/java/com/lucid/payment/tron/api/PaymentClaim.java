package com.lucid.payment.tron.api;

import java.util.Objects;

/** An operator's claim that {@code txid} paid this payout: the TRON client answers Confirmed only if the chain agrees. */
public record PaymentClaim(SealedPayout payout, String txid) {

  public PaymentClaim {
    Objects.requireNonNull(payout, "payout");
    Objects.requireNonNull(txid, "txid");
  }
}
