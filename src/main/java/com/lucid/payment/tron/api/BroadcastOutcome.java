package com.lucid.payment.tron.api;

import java.util.Objects;

/**
 * What the nodes said to a broadcast. Whatever the kind, the signed bytes may still land while they are not
 * expired: only a fate from the solidified chain says an attempt is dead.
 *
 * @param code the node's return code (SUCCESS, DUP_TRANSACTION_ERROR, SIGERROR, ...; NO_NODE when none answered)
 * @param message the node's message, decoded from hex; never a node URL or key
 */
public record BroadcastOutcome(Kind kind, String code, String message) {

  /** The shapes of a broadcast answer. */
  public enum Kind {
    /** A node pooled it. */
    ACCEPTED,
    /** DUP_TRANSACTION_ERROR: a node already knows this txid. */
    DUPLICATE,
    /** A node refused it and said why (SIGERROR, TAPOS_ERROR, TRANSACTION_EXPIRATION_ERROR, ...). */
    REJECTED,
    /** Every node was down, busy or rate-limiting: retry later. */
    UNAVAILABLE
  }

  public BroadcastOutcome {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(code, "code");
    message = message == null ? "" : message;
  }
}
