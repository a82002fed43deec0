package com.lucid.payment.payout.accept;

import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.limits.LimitWindows;
import com.lucid.payment.payout.limits.SafetyBreaker;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutRepository;

/** What accepting a payout writes to and checks: the payouts, the keys, the limits, the breaker, the metrics. */
public record AcceptParts(PayoutRepository payouts, IdempotencyKeys keys, LimitLedger limits, LimitWindows windows,
    SafetyBreaker breaker, PayoutMetrics metrics, NewPayouts newPayouts) {}
