package com.lucid.payment.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/** Writes the documented error envelope {"error":{code,message,details,request_id,timestamp}}; nothing internal leaks. */
public final class ApiError {
  private ApiError() {}

  public static void send(RoutingContext ctx, ErrorCode code, String message, JsonObject details) {
    JsonObject error = new JsonObject()
        .put("code", code.code())
        .put("message", message)
        .put("details", details == null ? new JsonObject() : details)
        .put("request_id", RequestIds.of(ctx))
        .put("timestamp", Instant.now().toString());
    ctx.response().setStatusCode(code.status())
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", error).encode());
  }

  public static void send(RoutingContext ctx, ErrorCode code, String message) {
    send(ctx, code, message, null);
  }
}
