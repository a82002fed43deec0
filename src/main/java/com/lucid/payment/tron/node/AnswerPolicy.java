package com.lucid.payment.tron.node;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;

/** Judges a node's HTTP 200 JSON answer (after {@code Error} bodies are handled): usable, or why not. */
@FunctionalInterface
public interface AnswerPolicy {

  /** Every answer without an {@code Error} key is usable. */
  AnswerPolicy ANY = body -> Optional.empty();

  /** Broadcast answers: SERVER_BUSY counts against the node; a node that cannot relay sends us to the next one. */
  AnswerPolicy BROADCAST = body -> {
    String code = body.getString("code", "");
    if ("SERVER_BUSY".equals(code)) {
      return Optional.of(NodeErrorType.SERVER_BUSY);
    }
    if (Set.of("NO_CONNECTION", "NOT_ENOUGH_EFFECTIVE_CONNECTION", "BLOCK_UNSOLIDIFIED").contains(code)) {
      return Optional.of(NodeErrorType.NOT_RELAYING);
    }
    return Optional.empty();
  };

  /** Empty when the answer is usable; otherwise the failure it stands for (the next node is tried). */
  Optional<NodeErrorType> judge(JsonObject body);
}
