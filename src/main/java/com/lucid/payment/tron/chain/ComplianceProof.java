package com.lucid.payment.tron.chain;

/**
 * The {@code compliance_signature} of a KYC payout: an Ethereum-style signature with its expiry.
 *
 * @param expiry unix seconds after which the signature no longer authorises payouts
 * @param v 27/28 (or 0/1)
 * @param r 32 bytes as 64 hex characters (an optional 0x prefix is accepted)
 * @param s 32 bytes as 64 hex characters (an optional 0x prefix is accepted)
 */
public record ComplianceProof(long expiry, int v, String r, String s) {}
