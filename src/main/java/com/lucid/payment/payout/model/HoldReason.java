package com.lucid.payment.payout.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a payout that is not final waits, as stored in {@code hold_reason} and shown to clients. The first six clear by
 * themselves (the engine looks again); the last two ask a person. A new reason is one constant here.
 */
public enum HoldReason {
  PAUSED(false),
  CIRCUIT_BREAKER_OPEN(false),
  INSUFFICIENT_USDT(false),
  INSUFFICIENT_TRX(false),
  TRON_UNAVAILABLE(false),
  /** The solidified chain holds the attempt, but not as it was signed. */
  CHAIN_MISMATCH(false),
  /** Its attempts expired more often than the re-sign cap, or an expired one cannot be proven dead. */
  NEEDS_REVIEW(true),
  /** Its stored fields fail their seal, or contradict the signer's journal: never signed or sent. */
  INTEGRITY_VIOLATION(true);

  private final boolean asksAPerson;

  HoldReason(boolean asksAPerson) {
    this.asksAPerson = asksAPerson;
  }

  /** Only an admin's decision (a review, or a reset after an integrity violation) moves the payout on. */
  public boolean asksAPerson() {
    return asksAPerson;
  }

  public String stored() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<HoldReason> fromStored(String value) {
    for (HoldReason r : values()) {
      if (r.stored().equals(value)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
