package com.lucid.payment.payout.model;

import java.util.Optional;

/**
 * Where a payout is in its life, as the engine last wrote it.
 *
 * @param version bumped by every write; each compare-and-set names the version it read
 * @param nextCheckAt when a worker may look at it again (epoch ms)
 * @param leaseUntil until when the worker {@code leaseOwner} holds it (epoch ms; 0 when free)
 * @param retriesUsed on-chain failures so far, each of which freed it for a new attempt
 * @param limitsReleased its amount was given back to the limit windows (it failed or was cancelled)
 */
public record PayoutState(PayoutStatus status, int version, long updatedAt, long nextCheckAt, long leaseUntil,
    Optional<String> leaseOwner, Optional<HoldReason> hold, int retriesUsed, boolean limitsReleased,
    Optional<Failure> failure) {

  /** Why a payout failed for good. */
  public record Failure(String code, String message) {}
}
