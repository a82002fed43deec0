package com.lucid.payment.payout.batch;

import java.util.Locale;

/** How far a batch document is written: accepting until every one of its payouts exists, then accepted. */
public enum BatchState {
  ACCEPTING, ACCEPTED;

  public String stored() {
    return name().toLowerCase(Locale.ROOT);
  }

  static BatchState fromStored(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
