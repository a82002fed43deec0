package com.lucid.payment.payout.model;

/**
 * A confirmed payout's transaction: in a solidified block with receipt SUCCESS and the exact Transfer log.
 *
 * @param confirmations the depth at confirmation, at least {@link PayoutView#SOLIDIFICATION_BLOCKS}
 */
public record Settlement(String txid, long blockNumber, long blockTimestamp, long feeSun, long energyUsed,
    long netUsage, int confirmations, long confirmedAt) {}
