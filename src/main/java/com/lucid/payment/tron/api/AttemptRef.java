package com.lucid.payment.tron.api;

import java.util.Objects;

/** A stored attempt and the payout it belongs to: what a broadcast or a fate look-up is asked about. */
public record AttemptRef(SealedPayout payout, SignedAttempt attempt) {

  public AttemptRef {
    Objects.requireNonNull(payout, "payout");
    Objects.requireNonNull(attempt, "attempt");
  }
}
