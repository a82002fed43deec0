/**
 * The payout as stored and as typed. Owns the document and its one mapping ({@link PayoutDocuments}), its attempts
 * ({@link Attempt}), its hash-chained history ({@link AuditEvent}, {@link AuditTrail}), the field names
 * ({@link PayoutFields}, {@link AttemptFields}), the statuses and their transitions ({@link PayoutStatus}), the hold
 * reasons ({@link HoldReason}: a new one is a constant there), the compare-and-set writes ({@link PayoutRepository},
 * {@link Change}), the read-only queries ({@link PayoutLookups}), ids, the public view and the metrics a payout feeds.
 *
 * <p>Never: calls the bus or the TRON client, decides what happens to a payout next, or depends on another room.
 */
package com.lucid.payment.payout.model;
