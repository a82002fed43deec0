/**
 * Whether a stored payout can be believed: its seals ({@link PayoutSealer}), everything {@code verify-audit} checks
 * of it ({@link StoredPayoutCheck}), and the quarantine of one that fails ({@link Quarantine}: held for good, the
 * breaker tripped, counted, logged and audited). Checks read the document exactly as the store holds it.
 *
 * <p>Never: acts on anything a failing document says, signs, releases limits, or stores the seal key.
 */
package com.lucid.payment.payout.audit;
