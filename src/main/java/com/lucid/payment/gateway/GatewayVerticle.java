package com.lucid.payment.gateway;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.auth.JwtVerifier;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.bus.Plane;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.config.ServiceConfig;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.StringJoiner;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ops-plane HTTP API under /api/payment (8080, behind the onion service); reaches the wallet plane by bus only.
 * Each route runs: request id, access log, body (size-limited), bearer JWT, rate limit, permission, then its handler.
 */
public final class GatewayVerticle extends VerticleBase {
  public static final String BASE = "/api/payment";
  private static final Logger LOG = Logger.getLogger(GatewayVerticle.class.getName());

  private final String bindAddress;
  private final int port;
  private final ServiceConfig.Gateway config;
  private HttpServer server;
  private Router router;
  private PlaneBus bus;
  private long sweeper = -1;

  /** The JWT settings must carry their key material (for HS256 the secret; see auth.DevnetSecret). */
  public GatewayVerticle(String bindAddress, int port, ServiceConfig.Gateway config) {
    this.bindAddress = bindAddress;
    this.port = port;
    this.config = config;
  }

  @Override
  public Future<?> start() {
    bus = new PlaneBus(vertx.eventBus(), Plane.OPS);
    RateLimiter limiter = new RateLimiter(RateLimits.MAX_KEYS, System::currentTimeMillis);
    sweeper = vertx.setPeriodic(RateLimiter.WINDOW_MILLIS, id -> limiter.evictIdle());
    RateLimits limits = new RateLimits(limiter, config.rateLimitMultiplier());
    BearerAuth auth = new BearerAuth(JwtVerifier.create(vertx, config.jwt()));
    return vertx.executeBlocking(GatewayVerticle::openApiDocument).compose(openApi -> {
      router = Router.router(vertx);
      router.route().handler(RequestIds::assign).handler(AccessLog::install);
      WalletCalls wallet = new WalletCalls(bus);
      PayoutRoutes payouts = new PayoutRoutes(wallet);
      AdminRoutes admin = new AdminRoutes(wallet);
      BatchRoutes batches = new BatchRoutes(wallet);
      for (Endpoint endpoint : Endpoint.values()) {
        Route route = router.route(endpoint.method(), BASE + endpoint.path()).setName(endpoint.name());
        if (endpoint.body() != Endpoint.Body.NONE) {
          route.handler(BodyHandler.create(false).setBodyLimit(endpoint.bodyLimit(config)));
        }
        if (!endpoint.isPublic()) {
          route.handler(auth);
        }
        if (endpoint.perMinute() > 0) {
          route.handler(limits.handler(endpoint));
        }
        if (!endpoint.isPublic()) {
          route.handler(BearerAuth.requiring(endpoint.permission()));
        }
        route.handler(action(endpoint, payouts, admin, batches, openApi));
      }
      router.errorHandler(404, GatewayVerticle::routeNotFound);
      router.errorHandler(405, GatewayVerticle::methodNotAllowed);
      router.route().failureHandler(GatewayVerticle::failure);
      return vertx.createHttpServer().requestHandler(router).listen(port, bindAddress);
    }).onSuccess(s -> server = s);
  }

  private Handler<RoutingContext> action(Endpoint endpoint, PayoutRoutes payouts, AdminRoutes admin,
      BatchRoutes batches, Buffer openApi) {
    return switch (endpoint) {
      case CREATE_PAYOUT -> payouts::create;
      case LIST_PAYOUTS -> payouts::list;
      case CREATE_BATCH -> batches::create;
      case GET_BATCH -> batches::get;
      case STATS -> batches::stats;
      case SUBMIT_DISTRIBUTION -> batches::submitDistribution;
      case PREVIEW_DISTRIBUTION -> batches::previewDistribution;
      case DISTRIBUTION_REPORT -> batches::distributionReport;
      case GET_PAYOUT -> payouts::get;
      case CANCEL_PAYOUT -> payouts::cancel;
      case PAYOUT_TRANSACTION -> payouts::transaction;
      case ADMIN_WALLET -> admin::walletStatus;
      case ADMIN_STAKE -> admin::stake;
      case ADMIN_PAUSE -> admin::pause;
      case ADMIN_RESUME -> admin::resume;
      case BREAKER_STATE -> admin::breakerState;
      case BREAKER_ACTION -> admin::breakerAction;
      case REVIEW_PAYOUT -> admin::review;
      case HEALTH -> this::health;
      case OPENAPI -> ctx -> ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8").end(openApi);
    };
  }

  private void health(RoutingContext ctx) {
    CallContext caller = new CallContext(Plane.OPS, null, null, RequestIds.of(ctx));
    bus.<JsonObject>request(BusAddress.HEALTH, new JsonObject(), caller)
        .onSuccess(report -> WalletCalls.send(ctx, "unhealthy".equals(report.getString("status")) ? 503 : 200, report))
        .onFailure(err -> ApiError.send(ctx, ErrorCode.UNAVAILABLE, "health is unavailable"));
  }

  private static Buffer openApiDocument() throws IOException {
    try (InputStream in = GatewayVerticle.class.getResourceAsStream("/openapi.yaml")) {
      if (in == null) {
        throw new IOException("openapi.yaml is missing from the classpath");
      }
      return Buffer.buffer(in.readAllBytes());
    }
  }

  private static void routeNotFound(RoutingContext ctx) {
    ApiError.send(ctx, ErrorCode.ROUTE_NOT_FOUND, "no such route");
  }

  private static void methodNotAllowed(RoutingContext ctx) {
    StringJoiner allowed = new StringJoiner(", ");
    String path = ctx.normalizedPath().startsWith(BASE) ? ctx.normalizedPath().substring(BASE.length()) : "";
    for (Endpoint endpoint : Endpoint.values()) {
      if (endpoint.matchesPath(path)) {
        allowed.add(endpoint.method().name());
      }
    }
    ctx.response().putHeader("Allow", allowed.toString());
    ApiError.send(ctx, 405, ErrorCode.ROUTE_NOT_FOUND, "this route does not allow " + ctx.request().method(), null);
  }

  /** Every failure ends in the envelope; vertx-web logs nothing itself when a failure handler exists. */
  private static void failure(RoutingContext ctx) {
    if (ctx.failure() instanceof ApiFailure failure) {
      ApiError.send(ctx, failure);
    } else if (ctx.statusCode() == 413) {
      ApiError.send(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "the request body is too large");
    } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      ApiError.send(ctx, ErrorCode.INVALID_REQUEST, "bad request");
    } else {
      LOG.log(Level.WARNING, "request failed: request_id=" + RequestIds.of(ctx), ctx.failure());
      ApiError.send(ctx, ErrorCode.INTERNAL, "internal error");
    }
  }

  /** The router, for tests that compare its routes with the OpenAPI document. */
  Router router() {
    return router;
  }

  /** The port actually bound (differs from the configured one when that was 0). */
  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweeper);
    return server == null ? Future.succeededFuture() : server.close();
  }
}
