package com.lucid.payment.api;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

/**
 * A failure a client may see: an {@link ErrorCode}, a safe message and details. It crosses the event bus as a
 * {@link ReplyException} whose failure code is the HTTP status and whose message is the JSON of code, message and
 * details, so bus callers and HTTP callers get the same contract.
 */
public final class ApiFailure extends RuntimeException {
  private final ErrorCode code;
  private final JsonObject details;

  public ApiFailure(ErrorCode code, String message, JsonObject details) {
    super(message, null, false, false);
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

  /** The form sent back over the bus: {@code message.fail(...)} arguments as one exception. */
  public ReplyException toReply() {
    JsonObject body = new JsonObject().put("code", code.code()).put("message", getMessage()).put("details", details);
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, code.status(), body.encode());
  }

  /**
   * Reads a bus failure back: an ApiFailure sent with {@link #toReply()} is restored; a denied, timed-out or
   * unexpected failure becomes FORBIDDEN, UNAVAILABLE or INTERNAL with a message that leaks nothing.
   */
  public static ApiFailure from(Throwable error) {
    if (error instanceof ApiFailure f) {
      return f;
    }
    if (error instanceof ReplyException reply) {
      if (reply.failureType() == ReplyFailure.RECIPIENT_FAILURE && reply.getMessage() != null
          && reply.getMessage().startsWith("{")) {
        try {
          JsonObject body = new JsonObject(reply.getMessage());
          ErrorCode code = ErrorCode.ofCode(body.getString("code")).orElse(ErrorCode.INTERNAL);
          return new ApiFailure(code, body.getString("message", "error"), body.getJsonObject("details"));
        } catch (RuntimeException notJson) {
          return new ApiFailure(ErrorCode.INTERNAL, "internal error");
        }
      }
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
