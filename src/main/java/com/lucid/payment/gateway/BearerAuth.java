package com.lucid.payment.gateway;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Permission;
import com.lucid.payment.auth.Caller;
import com.lucid.payment.auth.JwtVerifier;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The authentication step of a route: a valid bearer JWT or 401 with WWW-Authenticate; then the permission check. */
final class BearerAuth implements Handler<RoutingContext> {
  private static final String CALLER_KEY = "caller";
  private static final String CHALLENGE = "Bearer realm=\"lucid-payment\"";

  private final JwtVerifier verifier;

  BearerAuth(JwtVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
    if (token.isEmpty()) {
      ctx.response().putHeader("WWW-Authenticate", CHALLENGE);
      ApiError.send(ctx, ErrorCode.UNAUTHENTICATED, "a bearer token is required");
      return;
    }
    verifier.verify(token).onComplete(done -> {
      if (ctx.response().ended()) {
        return; // answered meanwhile (the body's framing broke): the request goes no further
      }
      if (done.failed()) {
        refuse(ctx, ApiFailure.from(done.cause()));
        return;
      }
      ctx.put(CALLER_KEY, done.result());
      ctx.put(AccessLog.USER_KEY, done.result().userId());
      ctx.next();
    });
  }

  /** RFC 6750: a token that was given and refused is an invalid_token. */
  private static void refuse(RoutingContext ctx, ApiFailure failure) {
    if (failure.code() == ErrorCode.UNAUTHENTICATED) {
      ctx.response().putHeader("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\"");
    }
    ApiError.send(ctx, failure);
  }

  /** The caller authenticated by this step; only on routes that have it. */
  static Caller caller(RoutingContext ctx) {
    return ctx.get(CALLER_KEY);
  }

  /** The step after authentication: the caller's role must grant the permission. */
  static Handler<RoutingContext> requiring(Permission permission) {
    return ctx -> {
      Caller caller = caller(ctx);
      if (caller.role().has(permission)) {
        ctx.next();
        return;
      }
      ApiError.send(ctx, ErrorCode.FORBIDDEN, "the role " + caller.role().claim() + " may not do this",
          new JsonObject().put("required_permission", permission.scope()));
    };
  }
}
