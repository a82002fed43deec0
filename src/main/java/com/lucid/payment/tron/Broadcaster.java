package com.lucid.payment.tron;

import com.lucid.payment.tron.api.BroadcastOutcome;
import com.lucid.payment.tron.api.BroadcastOutcome.Kind;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.node.BroadcastReply;
import com.lucid.payment.tron.node.FullNode;
import com.lucid.payment.tron.node.NodeErrorException;
import com.lucid.payment.tron.node.NodeText;
import com.lucid.payment.tron.node.NodeUnavailableException;
import io.vertx.core.Future;

/**
 * Broadcasts exactly the signed bytes of an attempt. A busy or non-relaying node sends it to the next one; a node's
 * refusal is reported as it is (it does not prove the transaction can never land: only the fate does).
 */
final class Broadcaster {
  private final FullNode node;

  Broadcaster(FullNode node) {
    this.node = node;
  }

  /** The attempt must have passed {@link AttemptGate#attempt}: its bytes are this payout's, sealed. */
  Future<BroadcastOutcome> broadcast(SignedAttempt attempt) {
    return node.broadcastHex(attempt.transactionHex())
        .map(Broadcaster::outcome)
        .recover(err -> {
          if (err instanceof NodeUnavailableException down) {
            String code = down.lastBody().map(b -> b.getString("code", "NO_NODE")).orElse("NO_NODE");
            String message = down.lastBody().map(b -> NodeText.decode(b.getString("message")))
                .filter(m -> !m.isEmpty()).orElse(down.getMessage());
            return Future.succeededFuture(new BroadcastOutcome(Kind.UNAVAILABLE, code, message));
          }
          if (err instanceof NodeErrorException refused) {
            return Future.succeededFuture(new BroadcastOutcome(Kind.REJECTED, "ERROR", refused.getMessage()));
          }
          return Future.failedFuture(err);
        });
  }

  static BroadcastOutcome outcome(BroadcastReply reply) {
    if (reply.accepted()) {
      return new BroadcastOutcome(Kind.ACCEPTED, "SUCCESS", reply.message());
    }
    if ("DUP_TRANSACTION_ERROR".equals(reply.code())) {
      return new BroadcastOutcome(Kind.DUPLICATE, reply.code(), reply.message());
    }
    return new BroadcastOutcome(Kind.REJECTED, reply.code(), reply.message());
  }
}
