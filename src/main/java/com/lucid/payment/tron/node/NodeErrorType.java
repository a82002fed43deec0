package com.lucid.payment.tron.node;

import java.util.Locale;

/** Why a request to one node failed: the {@code error_type} label of tron_network_errors_total. */
public enum NodeErrorType {
  /** Connection refused or reset, proxy down, DNS: counted by the node's breaker. */
  TRANSPORT(true),
  /** No answer in time: counted. */
  TIMEOUT(true),
  /** HTTP 5xx: counted. */
  HTTP_5XX(true),
  /** HTTP 429/403, or the node's "lack of computing resources" / "frequency limit" Error body: counted. */
  RATE_LIMITED(true),
  /** SERVER_BUSY broadcast answer: counted. */
  SERVER_BUSY(true),
  /** An answer that contradicts itself or the node's earlier answers (a block going back, a forged id): counted. */
  INCONSISTENT(true),
  /** A node that cannot relay right now (NO_CONNECTION, NOT_ENOUGH_EFFECTIVE_CONNECTION, BLOCK_UNSOLIDIFIED). */
  NOT_RELAYING(false),
  /** Another HTTP status, or a body that is not JSON: the next node is tried. */
  BAD_RESPONSE(false),
  /** An HTTP 200 body carrying {@code Error}: the node's answer, returned as a failure. */
  NODE_ERROR(false),
  /** The node's breaker is open: it was skipped. */
  BREAKER_OPEN(false),
  /** No node could answer. */
  UNAVAILABLE(false);

  private final boolean countedByBreaker;

  NodeErrorType(boolean countedByBreaker) {
    this.countedByBreaker = countedByBreaker;
  }

  /** Whether this failure counts toward opening the node's circuit breaker. */
  public boolean countedByBreaker() {
    return countedByBreaker;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
