package com.lucid.payment.gateway;

import io.vertx.ext.web.RoutingContext;
import java.util.logging.Logger;

/** One log line per request: method, route, status, latency, request id, user; never bodies or tokens. */
final class AccessLog {
  private static final Logger LOG = Logger.getLogger("access");
  static final String USER_KEY = "user_id";

  private AccessLog() {}

  static void install(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addEndHandler(done -> {
      String route = ctx.currentRoute() == null || ctx.currentRoute().getPath() == null
          ? "unmatched" : ctx.currentRoute().getPath();
      long micros = (System.nanoTime() - start) / 1_000;
      Object user = ctx.get(USER_KEY);
      LOG.info(() -> "http method=" + ctx.request().method() + " route=" + route
          + " status=" + ctx.response().getStatusCode() + " latency_ms=" + (micros / 1000) + "." + (micros % 1000 / 100)
          + " request_id=" + RequestIds.of(ctx) + " user=" + (user == null ? "-" : user));
    });
    ctx.next();
  }
}
