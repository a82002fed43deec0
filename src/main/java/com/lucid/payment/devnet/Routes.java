package com.lucid.payment.devnet;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Mounts node endpoints under /wallet and, where TRON has a twin, /walletsolidity, for GET and
 * POST, each on the server of its API; and the one place that maps failures to TRON's HTTP 200
 * {"Error": …} body.
 */
final class Routes {
  private static final Logger LOG = Logger.getLogger(Routes.class.getName());

  /**
   * Where each API is served: the full-node API on {@code full}, the solidity API on
   * {@code solidity}, the same router when one port serves both.
   */
  record Apis(Router full, Router solidity) {}

  /** An endpoint; `solidity` says whether it answers from the solidified chain. */
  interface Endpoint {
    Future<JsonObject> handle(RoutingContext ctx, boolean solidity);
  }

  /** An endpoint that answers at once. */
  interface SyncEndpoint {
    JsonObject handle(RoutingContext ctx, boolean solidity);
  }

  private Routes() {}

  static void wallet(Apis apis, String name, SyncEndpoint endpoint) {
    mount(apis.full(), "/wallet/" + name, false, sync(endpoint));
  }

  static void walletAsync(Apis apis, String name, Endpoint endpoint) {
    mount(apis.full(), "/wallet/" + name, false, endpoint);
  }

  static void withSolidityTwin(Apis apis, String name, SyncEndpoint endpoint) {
    mount(apis.full(), "/wallet/" + name, false, sync(endpoint));
    mount(apis.solidity(), "/walletsolidity/" + name, true, sync(endpoint));
  }

  private static Endpoint sync(SyncEndpoint endpoint) {
    return (ctx, solidity) -> Future.succeededFuture(endpoint.handle(ctx, solidity));
  }

  private static void mount(Router router, String path, boolean solidity, Endpoint endpoint) {
    router.route(path).method(HttpMethod.GET).method(HttpMethod.POST).handler(ctx -> {
      Future<JsonObject> answer;
      try {
        answer = endpoint.handle(ctx, solidity);
      } catch (RuntimeException e) {
        answer = Future.failedFuture(e);
      }
      answer.onComplete(result -> {
        if (ctx.response().ended() || ctx.response().closed()) {
          return;
        }
        if (result.succeeded()) {
          reply(ctx, result.result());
        } else {
          replyError(ctx, result.cause());
        }
      });
    });
  }

  static void reply(RoutingContext ctx, JsonObject json) {
    boolean int64AsString = ctx.request().method() == HttpMethod.GET
        && "true".equalsIgnoreCase(ctx.request().getParam("int64_as_string"));
    ctx.response().putHeader("Content-Type", "application/json;charset=utf-8")
        .end((int64AsString ? (JsonObject) int64AsString(json) : json).encode());
  }

  static void replyError(RoutingContext ctx, Throwable failure) {
    String text;
    if (failure instanceof InvalidInput invalid) {
      text = invalid.errorText();
    } else {
      LOG.log(Level.WARNING, "devnet endpoint " + ctx.request().path() + " failed", failure);
      text = "class " + failure.getClass().getName() + " : " + failure.getMessage();
    }
    reply(ctx, new JsonObject().put("Error", text));
  }

  /** GET int64_as_string=true: every int64 printed as a JSON string. */
  private static Object int64AsString(Object value) {
    if (value instanceof JsonObject object) {
      JsonObject copy = new JsonObject();
      object.forEach(e -> copy.put(e.getKey(), int64AsString(e.getValue())));
      return copy;
    }
    if (value instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(v -> copy.add(int64AsString(v)));
      return copy;
    }
    return value instanceof Long number ? number.toString() : value;
  }
}
