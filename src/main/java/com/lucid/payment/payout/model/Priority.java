package com.lucid.payment.payout.model;

import java.util.Optional;

/** Send order of released payouts: URGENT first, then HIGH, NORMAL, LOW; oldest first within one. */
public enum Priority {
  LOW, NORMAL, HIGH, URGENT;

  /** Larger goes first; stored so the store can sort on it. */
  public int rank() {
    return ordinal();
  }

  public static Optional<Priority> fromApi(String value) {
    for (Priority p : values()) {
      if (p.name().equals(value)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
