package com.lucid.payment.tron.node;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * triggerconstantcontract and estimateenergy, asked again when the node ran out of CPU time. java-tron bounds a
 * constant call's CPU time (getMaxCpuTimeOfOneTx) and answers a call that exceeds it with OTHER_ERROR "class
 * org.tron.core.vm.program.Program$OutOfTimeException : CPU timeout for ..."; a busy node does so for calls that
 * usually fit, so the same call is asked again at once, at most {@link #MAX_ATTEMPTS} times (java-tron's own
 * estimate retries the same way); the last answer is returned as it is.
 */
final class ConstantCalls {
  static final int MAX_ATTEMPTS = 3;
  private static final String TIMEOUT = "outoftimeexception";

  private final NodeClient client;

  ConstantCalls(NodeClient client) {
    this.client = client;
  }

  /** Asked of the first node that answers. */
  Future<NodeAnswer> call(String operation, String path, JsonObject body) {
    return attempt(() -> client.post(operation, path, body), 1);
  }

  /** Asked of one node only. */
  Future<NodeAnswer> callOn(int node, String operation, String path, JsonObject body) {
    return attempt(() -> client.postTo(node, operation, path, body), 1);
  }

  private Future<NodeAnswer> attempt(Supplier<Future<NodeAnswer>> ask, int n) {
    return ask.get().compose(answer -> n < MAX_ATTEMPTS && timedOut(answer.body())
        ? attempt(ask, n + 1) : Future.succeededFuture(answer));
  }

  /** Whether the node ran out of CPU time on this call (its answer says nothing about the call itself). */
  static boolean timedOut(JsonObject body) {
    return message(body).toLowerCase(Locale.ROOT).contains(TIMEOUT);
  }

  /** The decoded result.message of a constant call or estimate, or "". */
  static String message(JsonObject body) {
    Object result = body.getValue("result");
    return result instanceof JsonObject r ? NodeText.decode(r.getString("message")) : "";
  }

  /** result.result: the call ran (it may still have reverted: then result.message says so). */
  static boolean ran(JsonObject body) {
    Object result = body.getValue("result");
    return result instanceof JsonObject r && Boolean.TRUE.equals(r.getValue("result"));
  }
}
