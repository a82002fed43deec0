package com.lucid.payment.payout.model;

import java.util.Locale;

/** What an audit event records; stored in its {@code action} field, in lower case. */
public enum AuditAction {
  CREATED, RELEASED, SIGNED, BROADCAST, HELD, ATTEMPT_EXPIRED, ATTEMPT_FAILED, CONFIRMED, FAILED, CANCELLED, REVIEWED,
  INTEGRITY_VIOLATION;

  public String stored() {
    return name().toLowerCase(Locale.ROOT);
  }
}
