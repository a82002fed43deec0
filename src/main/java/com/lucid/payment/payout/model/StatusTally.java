package com.lucid.payment.payout.model;

import java.util.EnumMap;
import java.util.Map;

/** Counts and amounts (USDT base units) of payouts per status: a batch's, or a period's for the stats. */
public final class StatusTally {
  private final Map<PayoutStatus, long[]> byStatus = new EnumMap<>(PayoutStatus.class);

  public StatusTally() {
    for (PayoutStatus s : PayoutStatus.values()) {
      byStatus.put(s, new long[2]);
    }
  }

  public StatusTally add(PayoutStatus status, long amount) {
    long[] t = byStatus.get(status);
    t[0]++;
    t[1] = Math.addExact(t[1], amount);
    return this;
  }

  public long count(PayoutStatus s) {
    return byStatus.get(s)[0];
  }

  public long amount(PayoutStatus s) {
    return byStatus.get(s)[1];
  }

  /** Pending or processing: not final yet. */
  public long unfinished() {
    return count(PayoutStatus.PENDING) + count(PayoutStatus.PROCESSING);
  }
}
