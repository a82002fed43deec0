/**
 * The monthly distribution: a period's entitlements ({@link Entitlements}), the plan's arithmetic in base units
 * ({@link DistributionPlan}, {@link PlatformFee}), rollovers each consumed once ({@link RolloverLedger}), the stored
 * plan ({@link Distribution}, {@link Distributions}), the period's MONTHLY batch (through the batch room), and the
 * report as JSON and CSV ({@link DistributionReport}).
 *
 * <p>Never: reads chain-plane data (work credits come as gross amounts), signs, or makes a second batch for a period.
 */
package com.lucid.payment.payout.distribution;
