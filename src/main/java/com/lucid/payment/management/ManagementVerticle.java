package com.lucid.payment.management;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.BusEndpoint;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The management port (8090): /health, /health/live, /health/ready and /metrics; never served on the onion port. */
public final class ManagementVerticle extends VerticleBase {
  private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private static final int IDLE_TIMEOUT_SECONDS = 60;

  private final HealthChecks health;
  private final PrometheusMeterRegistry registry;
  private final String bindAddress;
  private final int port;
  private HttpServer server;
  private MessageConsumer<Object> healthConsumer;

  public ManagementVerticle(HealthChecks health, PrometheusMeterRegistry registry, String bindAddress, int port) {
    this.health = health;
    this.registry = registry;
    this.bindAddress = bindAddress;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/health/live").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "alive")));
    router.get("/health/ready").handler(ctx -> health.readiness()
        .onSuccess(r -> json(ctx, "ready".equals(r.getString("status")) ? 200 : 503, r)));
    router.get("/health").handler(ctx -> health.report()
        .onSuccess(r -> json(ctx, "unhealthy".equals(r.getString("status")) ? 503 : 200, r)));
    router.get("/metrics").handler(ctx -> ctx.response().putHeader("Content-Type", PROMETHEUS_TYPE)
        .end(registry.scrape()));
    healthConsumer = BusEndpoint.serve(vertx.eventBus(), BusAddress.HEALTH, Object.class, new JsonObject(),
        (body, caller) -> health.report(), err -> new ApiFailure(ErrorCode.INTERNAL, "internal error"));
    // internal, HTTP/1.1 only: h2c is a second protocol to harden and nothing here needs it
    HttpServerOptions options = new HttpServerOptions().setHost(bindAddress).setPort(port)
        .setHttp2ClearTextEnabled(false).setIdleTimeout(IDLE_TIMEOUT_SECONDS).setMetricsName(HttpMetrics.MANAGEMENT);
    return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> server = s);
  }

  /** The port actually bound (differs from the configured one when that was 0). */
  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    return healthConsumer.unregister().compose(v -> server == null ? Future.succeededFuture() : server.close());
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
