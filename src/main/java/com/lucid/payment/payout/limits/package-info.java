/**
 * What a payout may not exceed, and when nothing may be signed: the limit windows ({@link LimitWindows}: a new limit
 * is one window there), their counters ({@link LimitLedger}), and the payout safety breaker ({@link SafetyBreaker}).
 * Counters move only by conditional or atomic increments, so concurrent requests and instances never overshoot.
 *
 * <p>Never: reads or writes payouts, or decides what a refused request answers beyond its limit's name and room.
 */
package com.lucid.payment.payout.limits;
