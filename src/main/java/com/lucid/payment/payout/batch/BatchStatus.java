package com.lucid.payment.payout.batch;

import com.lucid.payment.payout.model.PayoutStatus;
import com.lucid.payment.payout.model.StatusTally;
import java.util.Locale;

/**
 * A batch's status as clients see it, derived from its payouts: processing while any is pending or processing (or
 * the batch is still being written); then cancelled when all were cancelled, completed when none failed, failed when
 * none was confirmed, else partially failed.
 */
public enum BatchStatus {
  PROCESSING, COMPLETED, PARTIALLY_FAILED, FAILED, CANCELLED;

  public String api() {
    return name().toLowerCase(Locale.ROOT);
  }

  static BatchStatus of(Batch batch, StatusTally t) {
    if (batch.state() == BatchState.ACCEPTING || t.unfinished() > 0) {
      return PROCESSING;
    }
    if (t.count(PayoutStatus.CANCELLED) == batch.totalPayouts()) {
      return CANCELLED;
    }
    if (t.count(PayoutStatus.FAILED) == 0) {
      return COMPLETED;
    }
    return t.count(PayoutStatus.CONFIRMED) == 0 ? FAILED : PARTIALLY_FAILED;
  }
}
