package com.lucid.payment.tron.node;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** No node answered a call: every one was down, busy, rate-limiting or behind an open breaker. Safe to show. */
public final class NodeUnavailableException extends RuntimeException {
  private final NodeErrorType lastError;
  private final transient JsonObject lastBody;

  NodeUnavailableException(String operation, String reasons, NodeErrorType lastError, JsonObject lastBody) {
    super("no TRON node answered " + operation + " (" + reasons + ")", null, false, false);
    this.lastError = lastError;
    this.lastBody = lastBody;
  }

  /** The failure of the last node tried. */
  public NodeErrorType lastError() {
    return lastError;
  }

  /** The last node's JSON answer, when it answered (a busy broadcast, say). */
  public Optional<JsonObject> lastBody() {
    return Optional.ofNullable(lastBody);
  }
}
