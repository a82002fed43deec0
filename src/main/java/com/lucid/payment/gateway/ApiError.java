package com.lucid.payment.gateway;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/** Writes the documented error envelope {"error":{code,message,details,request_id,timestamp}}; nothing internal leaks. */
public final class ApiError {
  private ApiError() {}

  public static void send(RoutingContext ctx, ErrorCode code, String message, JsonObject details) {
    send(ctx, code.status(), code, message, details);
  }

  public static void send(RoutingContext ctx, ErrorCode code, String message) {
    send(ctx, code, message, null);
  }

  public static void send(RoutingContext ctx, ApiFailure failure) {
    send(ctx, failure.code(), failure.getMessage(), failure.details());
  }

  /** With a status other than the code's own: only 405, which shares ROUTE_NOT_FOUND's code. */
  static void send(RoutingContext ctx, int status, ErrorCode code, String message, JsonObject details) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return; // the client went away while the wallet plane was answering
    }
    JsonObject error = new JsonObject()
        .put("code", code.code())
        .put("message", message)
        .put("details", details == null ? new JsonObject() : details)
        .put("request_id", RequestIds.of(ctx))
        .put("timestamp", Instant.now().toString());
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", error).encode());
  }
}
