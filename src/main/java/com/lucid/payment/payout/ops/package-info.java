/**
 * What the ops plane asks of accepted payouts: reads ({@link PayoutQueries}), a cancel before anything is signed
 * ({@link PayoutCancel}), the admin operations ({@link AdminOps}), the audited review of a payout held needs_review
 * ({@link PayoutReview}), the stats ({@link PayoutStats}) and the gauges ({@link PayoutGauges}).
 *
 * <p>Never: signs an attempt itself (a review grants one through the signer's journal), changes a payout's money
 * fields, or shows a caller another user's payout.
 */
package com.lucid.payment.payout.ops;
