package com.lucid.payment.gateway;

import io.vertx.ext.web.RoutingContext;
import java.util.logging.Logger;

/** One log line per request: method, route, status, latency, request id, user; never bodies or tokens. */
final class AccessLog {
  private static final Logger LOG = Logger.getLogger("access");
  static final String USER_KEY = "user_id";
  private static final String INSTALLED_KEY = "access_log";

  private AccessLog() {}

  static void install(RoutingContext ctx) {
    watch(ctx);
    ctx.next();
  }

  /** For a request the router refused before any route step ran (CONNECT, a bad Host): its line all the same. */
  static void ensure(RoutingContext ctx) {
    if (ctx.get(INSTALLED_KEY) == null) {
      watch(ctx);
    }
  }

  private static void watch(RoutingContext ctx) {
    ctx.put(INSTALLED_KEY, Boolean.TRUE);
    long start = System.nanoTime();
    ctx.addEndHandler(done -> {
      String route = ctx.currentRoute() == null || ctx.currentRoute().getPath() == null
          ? "unmatched" : ctx.currentRoute().getPath();
      Object user = ctx.get(USER_KEY);
      Runnable log = () -> line(Methods.label(ctx.request().method()), route, ctx.response().getStatusCode(), start,
          RequestIds.of(ctx), user == null ? "-" : user.toString());
      if (done.failed() && !ctx.response().ended()) {
        // a broken body fails the response first and is answered (400) later in the same turn: log that answer
        ctx.vertx().runOnContext(v -> log.run());
      } else {
        log.run();
      }
    });
  }

  /** The line of a request no route saw: one the HTTP decoder could not read. */
  static void unreadable(int status, long start, String requestId) {
    line("-", "unreadable", status, start, requestId, "-");
  }

  private static void line(String method, String route, int status, long start, String requestId, String user) {
    long micros = (System.nanoTime() - start) / 1_000;
    LOG.info(() -> "http method=" + method + " route=" + route + " status=" + status + " latency_ms="
        + (micros / 1000) + "." + (micros % 1000 / 100) + " request_id=" + requestId + " user=" + user);
  }
}
