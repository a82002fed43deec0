package com.lucid.payment.gateway;

import com.lucid.payment.api.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The rate-limit step of a route: X-RateLimit-* headers on every response, 429 with Retry-After past the limit. */
final class RateLimits {
  /** Bound on the keys (user or address, per route) remembered at once. */
  static final int MAX_KEYS = 100_000;

  private final RateLimiter limiter;
  private final int multiplier;

  RateLimits(RateLimiter limiter, int multiplier) {
    this.limiter = limiter;
    this.multiplier = multiplier;
  }

  Handler<RoutingContext> handler(Endpoint endpoint) {
    int limit = Math.multiplyExact(endpoint.perMinute(), multiplier);
    return ctx -> {
      String who = endpoint.limitedByAddress() ? "address " + clientAddress(ctx)
          : "user " + BearerAuth.caller(ctx).userId();
      RateLimiter.Decision d = limiter.hit(endpoint.name() + " " + who, limit);
      ctx.response()
          .putHeader("X-RateLimit-Limit", Integer.toString(d.limit()))
          .putHeader("X-RateLimit-Remaining", Integer.toString(d.remaining()))
          .putHeader("X-RateLimit-Reset", Long.toString(d.resetEpochSeconds()));
      if (d.allowed()) {
        ctx.next();
        return;
      }
      ctx.response().putHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
      ApiError.send(ctx, ErrorCode.RATE_LIMITED, "rate limit exceeded: " + limit + " requests per minute",
          new JsonObject().put("limit", limit).put("window", RateLimiter.WINDOW_MILLIS / 1000)
              .put("retry_after", d.retryAfterSeconds()));
    };
  }

  private static String clientAddress(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
  }
}
