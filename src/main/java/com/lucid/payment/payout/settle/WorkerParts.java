package com.lucid.payment.payout.settle;

import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.payout.audit.PayoutSealer;
import com.lucid.payment.payout.audit.Quarantine;
import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.model.PayoutLookups;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutRepository;

/**
 * What a worker's steps use: the store, the bus to the TRON client, the engine's switches and the wallet's funds, the
 * seals and the quarantine, the limits it gives back, the signer's journal, the metrics.
 *
 * @param expiryProofTimeoutMs how long an expired attempt may stay unproven dead before a person is asked
 */
public record WorkerParts(PayoutRepository payouts, PayoutLookups lookups, PlaneBus bus, Switches switches,
    Funds funds, PayoutSealer sealer, Quarantine quarantine, LimitLedger limits, SignerDecisions signer,
    PayoutMetrics metrics, long expiryProofTimeoutMs) {}
