package com.lucid.payment.tron.api;

import java.util.Objects;

/**
 * An audited decision the signer must remember outside the store: allow one more attempt past the cap of re-signs
 * after expiry ({@link Kind#GRANT_RESIGN}), or never sign for this payout again ({@link Kind#CLOSE}: it is settled).
 */
public record ReviewOrder(String payoutId, Kind kind) {

  /** What is decided. */
  public enum Kind { GRANT_RESIGN, CLOSE }

  public ReviewOrder {
    Objects.requireNonNull(payoutId, "payoutId");
    Objects.requireNonNull(kind, "kind");
  }
}
