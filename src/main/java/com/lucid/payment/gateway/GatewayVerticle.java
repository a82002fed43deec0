package com.lucid.payment.gateway;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.auth.JwtVerifier;
import com.lucid.payment.bus.Plane;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.config.ServiceConfig;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.StringJoiner;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ops-plane HTTP API under /api/payment (8080, behind the onion service); reaches the wallet plane by bus only.
 * Each route runs: request id, access log, intake (the body held back, its deadline), bearer JWT, rate limit,
 * permission, body (size-limited, JSON, decoded), then its handler: nothing of a body is read for a caller who may not
 * send it. Requests the HTTP decoder cannot read never reach the router ({@link UnreadableRequests}).
 */
public final class GatewayVerticle extends VerticleBase {
  public static final String BASE = "/api/payment";
  private static final Logger LOG = Logger.getLogger(GatewayVerticle.class.getName());

  private final String bindAddress;
  private final int port;
  private final ServiceConfig.Gateway config;
  private HttpServer server;
  private Router router;
  private PublicHealth publicHealth;
  private long sweeper = -1;

  /** The JWT settings must carry their key material (for HS256 the secret; see auth.DevnetSecret). */
  public GatewayVerticle(String bindAddress, int port, ServiceConfig.Gateway config) {
    this.bindAddress = bindAddress;
    this.port = port;
    this.config = config;
  }

  @Override
  public Future<?> start() {
    PlaneBus bus = new PlaneBus(vertx.eventBus(), Plane.OPS);
    publicHealth = new PublicHealth(bus, System::currentTimeMillis);
    ServiceConfig.Edge edge = config.edge();
    HeadDeadlines heads = new HeadDeadlines(vertx, edge.headerTimeoutMs());
    RateLimiter limiter = new RateLimiter(RateLimits.MAX_KEYS, System::currentTimeMillis);
    sweeper = vertx.setPeriodic(RateLimiter.WINDOW_MILLIS, id -> limiter.evictIdle());
    RateLimits limits = new RateLimits(limiter, config.rateLimitMultiplier());
    BearerAuth auth = new BearerAuth(JwtVerifier.create(vertx, config.jwt()));
    return vertx.executeBlocking(GatewayVerticle::openApiDocument).compose(openApi -> {
      router = Router.router(vertx);
      router.route().handler(RequestIds::assign).handler(AccessLog::install)
          .handler(new Intake(vertx, heads, edge.bodyTimeoutMs()));
      WalletCalls wallet = new WalletCalls(bus);
      PayoutRoutes payouts = new PayoutRoutes(wallet);
      AdminRoutes admin = new AdminRoutes(wallet);
      BatchRoutes batches = new BatchRoutes(wallet);
      for (Endpoint endpoint : Endpoint.values()) {
        // unnamed, so the metrics' route label is the template (/api/payment/payouts/:payout_id), never the path
        Route route = router.route(endpoint.method(), BASE + endpoint.path());
        if (!endpoint.isPublic()) {
          route.handler(auth);
        }
        if (endpoint.perMinute() > 0) {
          route.handler(limits.handler(endpoint));
        }
        if (!endpoint.isPublic()) {
          route.handler(BearerAuth.requiring(endpoint.permission()));
        }
        if (endpoint.body() != Endpoint.Body.NONE) {
          route.handler(Intake.body(endpoint.bodyLimit(config))).handler(JsonBody.step(vertx, endpoint.body()));
        }
        route.handler(action(endpoint, payouts, admin, batches, openApi));
      }
      router.errorHandler(404, GatewayVerticle::routeNotFound);
      router.errorHandler(405, GatewayVerticle::methodNotAllowed);
      // what the router refuses before any route (an undecodable path, a bad Host) and what no failure handler took
      for (int status : new int[] {400, 413, 500}) {
        router.errorHandler(status, GatewayVerticle::failure);
      }
      router.route().failureHandler(GatewayVerticle::failure);
      return vertx.createHttpServer(ListenerOptions.gateway(bindAddress, port, edge))
          .connectionHandler(heads::opened)
          .invalidRequestHandler(new UnreadableRequests())
          .requestHandler(router)
          .listen();
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
    publicHealth.report()
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
    String normalized = ctx.normalizedPath() == null ? "" : ctx.normalizedPath();
    String path = normalized.startsWith(BASE) ? normalized.substring(BASE.length()) : "";
    for (Endpoint endpoint : Endpoint.values()) {
      if (endpoint.matchesPath(path)) {
        allowed.add(endpoint.method().name());
      }
    }
    ctx.response().putHeader("Allow", allowed.toString());
    ApiError.send(ctx, 405, ErrorCode.ROUTE_NOT_FOUND, "this route does not allow the method "
        + Methods.label(ctx.request().method()), null);
  }

  /**
   * Every failure ends in the envelope; vertx-web logs nothing itself when a failure handler exists. A failure while
   * the request is still arriving is the client's: its body's framing broke (a bad chunk size) or it went away.
   */
  private static void failure(RoutingContext ctx) {
    AccessLog.ensure(ctx);
    if (ctx.failure() instanceof ApiFailure failure) {
      ApiError.send(ctx, failure);
    } else if (ctx.statusCode() == 413) {
      ApiError.send(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "the request body is too large");
    } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      ApiError.send(ctx, ErrorCode.INVALID_REQUEST, "bad request");
    } else if (!ctx.request().isEnded()) {
      LOG.fine(() -> "request body unreadable: request_id=" + RequestIds.of(ctx) + " "
          + (ctx.failure() == null ? "" : ctx.failure().getClass().getSimpleName()));
      ApiError.send(ctx, ErrorCode.INVALID_REQUEST, "the request body could not be read");
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
