package com.lucid.payment.payout.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The public statuses of a payout and the only transitions allowed between them. */
public enum PayoutStatus {
  PENDING, PROCESSING, CONFIRMED, FAILED, CANCELLED;

  private static final Map<PayoutStatus, Set<PayoutStatus>> NEXT = Map.of(
      PENDING, EnumSet.of(PROCESSING, CANCELLED),
      // cancelled only while no attempt was signed; failed only once every attempt is definitively dead
      PROCESSING, EnumSet.of(CONFIRMED, FAILED, CANCELLED),
      CONFIRMED, EnumSet.noneOf(PayoutStatus.class),
      FAILED, EnumSet.noneOf(PayoutStatus.class),
      CANCELLED, EnumSet.noneOf(PayoutStatus.class));

  public boolean mayBecome(PayoutStatus next) {
    return NEXT.get(this).contains(next);
  }

  public boolean terminal() {
    return NEXT.get(this).isEmpty();
  }

  public String api() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PayoutStatus> fromApi(String value) {
    for (PayoutStatus s : values()) {
      if (s.api().equals(value)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
