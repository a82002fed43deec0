package com.lucid.payment.api;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

/**
 * A failure a client may see: an {@link ErrorCode}, a safe message and details. It is itself the bus failure: a
 * {@link ReplyException} whose failure code is the HTTP status, sent as the reply body and passed by reference within
 * the JVM (by {@code bus.FailureCodec} between JVMs), so bus callers and HTTP callers get the same contract.
 */
public final class ApiFailure extends ReplyException {
  private final ErrorCode code;
  private final JsonObject details;

  public ApiFailure(ErrorCode code, String message, JsonObject details) {
    super(ReplyFailure.RECIPIENT_FAILURE, code.status(), message, false);
    this.code = code;
    this.details = details == null ? new JsonObject() : details;
  }

  public ApiFailure(ErrorCode code, String message) {
    this(code, message, null);
  }

  public ErrorCode code() {
    return code;
  }

  public JsonObject details() {
    return details;
  }

  /**
   * What a failed call means to its caller: an ApiFailure is itself; a denied, timed-out or unexpected failure becomes
   * FORBIDDEN, UNAVAILABLE or INTERNAL with a message that leaks nothing.
   */
  public static ApiFailure from(Throwable error) {
    if (error instanceof ApiFailure f) {
      return f;
    }
    if (error instanceof ReplyException reply) {
      if (reply.failureCode() == 403) {
        return new ApiFailure(ErrorCode.FORBIDDEN, "this plane may not use that operation");
      }
      if (reply.failureType() == ReplyFailure.TIMEOUT || reply.failureType() == ReplyFailure.NO_HANDLERS) {
        return new ApiFailure(ErrorCode.UNAVAILABLE, "the payout service is unavailable, try again");
      }
    }
    return new ApiFailure(ErrorCode.INTERNAL, "internal error");
  }
}
