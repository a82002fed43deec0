/**
 * The way in: a POST /payouts request validated ({@link PayoutRequests}), claimed once per user and Idempotency-Key
 * ({@link IdempotencyKeys}), reserved in its limit windows, sealed and inserted together with the requests that
 * arrived meanwhile ({@link AcceptGroups}); a request whose key is claimed already is a replay, a mismatch, in flight
 * or the takeover of a dead first request ({@link ClaimedKeys}). A 201 is sent only once the payout is durable.
 *
 * <p>Never: signs or talks to the TRON client, changes a payout once it is stored, or answers before the write.
 */
package com.lucid.payment.payout.accept;
