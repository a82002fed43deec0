package com.lucid.payment.gateway;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.bus.Plane;
import com.lucid.payment.bus.PlaneBus;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The ops-plane HTTP API under /api/payment (8080, behind the onion service); reaches the wallet plane by bus only. */
public final class GatewayVerticle extends VerticleBase {
  public static final String BASE = "/api/payment";

  private final String bindAddress;
  private final int port;
  private HttpServer server;
  private PlaneBus bus;

  public GatewayVerticle(String bindAddress, int port) {
    this.bindAddress = bindAddress;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    bus = new PlaneBus(vertx.eventBus(), Plane.OPS);
    Router router = Router.router(vertx);
    router.route().handler(RequestIds::assign).handler(AccessLog::install);
    router.get(BASE + "/health").handler(this::health);
    router.route().last().handler(ctx -> ApiError.send(ctx, ErrorCode.ROUTE_NOT_FOUND, "no such route"));
    router.route().failureHandler(GatewayVerticle::failure);
    return vertx.createHttpServer().requestHandler(router).listen(port, bindAddress).onSuccess(s -> server = s);
  }

  private void health(RoutingContext ctx) {
    CallContext caller = new CallContext(Plane.OPS, null, null, RequestIds.of(ctx));
    bus.<JsonObject>request(BusAddress.HEALTH, new JsonObject(), caller)
        .onSuccess(report -> ctx.response()
            .setStatusCode("unhealthy".equals(report.getString("status")) ? 503 : 200)
            .putHeader("Content-Type", "application/json").end(report.encode()))
        .onFailure(err -> ApiError.send(ctx, ErrorCode.UNAVAILABLE, "health is unavailable"));
  }

  private static void failure(RoutingContext ctx) {
    int status = ctx.statusCode();
    if (status == 413) {
      ApiError.send(ctx, ErrorCode.INVALID_REQUEST, "request body too large");
    } else if (status >= 400 && status < 500 && status != 404) {
      ApiError.send(ctx, ErrorCode.INVALID_REQUEST, "bad request");
    } else {
      ApiError.send(ctx, ErrorCode.INTERNAL, "internal error");
    }
  }

  /** The port actually bound (differs from the configured one when that was 0). */
  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
