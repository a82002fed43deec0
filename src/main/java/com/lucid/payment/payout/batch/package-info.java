/**
 * POST /payouts/batch and GET /payouts/batch/{id}: a batch validated all or nothing ({@link BatchRequests},
 * {@link BatchProblems}), reserved, stored with its payout ids fixed before any payout exists ({@link Batch},
 * {@link Batches}), its payouts written and the batch marked accepted ({@link BatchAcceptance}), finished after a
 * crash by a replay or the sweep ({@link BatchService}); its status derived from its payouts ({@link BatchStatus}).
 *
 * <p>Never: signs, writes a payout that exists already, or gives a batch a second set of payout ids.
 */
package com.lucid.payment.payout.batch;
