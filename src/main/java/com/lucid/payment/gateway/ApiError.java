package com.lucid.payment.gateway;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
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

  /** With a status other than the code's own: 405 (ROUTE_NOT_FOUND's) and 414 (REQUEST_HEAD_TOO_LARGE's). */
  static void send(RoutingContext ctx, int status, ErrorCode code, String message, JsonObject details) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return; // the client went away while the wallet plane was answering
    }
    write(ctx.response(), status, code, message, details, RequestIds.of(ctx));
  }

  /** The envelope on a response no route handles (a request that could not be read); the caller sets X-Request-ID. */
  static Future<Void> write(HttpServerResponse response, int status, ErrorCode code, String message,
      JsonObject details, String requestId) {
    JsonObject error = new JsonObject()
        .put("code", code.code())
        .put("message", message)
        .put("details", details == null ? new JsonObject() : details)
        .put("request_id", requestId)
        .put("timestamp", Instant.now().toString());
    return response.setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", error).encode());
  }
}
