package com.lucid.payment.gateway;

import com.lucid.payment.api.Permission;
import com.lucid.payment.config.ServiceConfig;
import io.vertx.core.http.HttpMethod;
import java.util.regex.Pattern;

/**
 * Every route of the gateway (paths relative to {@link GatewayVerticle#BASE}): the permission it needs (none for the
 * public ones), its per-minute rate limit per user (per client address for /health; 0 = not limited), and its body.
 */
enum Endpoint {
  CREATE_PAYOUT(HttpMethod.POST, "/payouts", Permission.CREATE, 10, Body.REQUIRED),
  LIST_PAYOUTS(HttpMethod.GET, "/payouts", Permission.LIST, 30, Body.NONE),
  // before the payout-id routes, which would otherwise take "batch" for a payout id
  CREATE_BATCH(HttpMethod.POST, "/payouts/batch", Permission.CREATE, 5, Body.REQUIRED),
  GET_BATCH(HttpMethod.GET, "/payouts/batch/:batch_id", Permission.READ, 30, Body.NONE),
  GET_PAYOUT(HttpMethod.GET, "/payouts/:payout_id", Permission.READ, 60, Body.NONE),
  CANCEL_PAYOUT(HttpMethod.POST, "/payouts/:payout_id/cancel", Permission.CREATE, 10, Body.OPTIONAL),
  PAYOUT_TRANSACTION(HttpMethod.GET, "/payouts/:payout_id/transaction", Permission.READ, 60, Body.NONE),
  ADMIN_WALLET(HttpMethod.GET, "/admin/wallet", Permission.ADMIN, 10, Body.NONE),
  ADMIN_STAKE(HttpMethod.POST, "/admin/wallet/stake", Permission.ADMIN, 10, Body.REQUIRED),
  ADMIN_PAUSE(HttpMethod.POST, "/admin/pause", Permission.ADMIN, 10, Body.OPTIONAL),
  ADMIN_RESUME(HttpMethod.POST, "/admin/resume", Permission.ADMIN, 10, Body.OPTIONAL),
  BREAKER_STATE(HttpMethod.GET, "/admin/circuit-breaker", Permission.ADMIN, 10, Body.NONE),
  BREAKER_ACTION(HttpMethod.POST, "/admin/circuit-breaker", Permission.ADMIN, 10, Body.REQUIRED),
  REVIEW_PAYOUT(HttpMethod.POST, "/admin/payouts/:payout_id/review", Permission.ADMIN, 10, Body.REQUIRED),
  STATS(HttpMethod.GET, "/stats", Permission.STATS, 20, Body.NONE),
  SUBMIT_DISTRIBUTION(HttpMethod.POST, "/distributions", Permission.CREATE, 5, Body.REQUIRED),
  PREVIEW_DISTRIBUTION(HttpMethod.POST, "/distributions/preview", Permission.CREATE, 5, Body.REQUIRED),
  DISTRIBUTION_REPORT(HttpMethod.GET, "/distributions/:period", Permission.READ, 30, Body.NONE),
  HEALTH(HttpMethod.GET, "/health", null, 120, Body.NONE),
  OPENAPI(HttpMethod.GET, "/openapi.yaml", null, 0, Body.NONE);

  /** The body limit of ordinary routes; the batch and distribution routes have their own (1 MiB by default). */
  static final int DEFAULT_BODY_LIMIT = 64 * 1024;

  /** Whether a route reads a JSON object body: never, when one is sent, or always. */
  enum Body { NONE, OPTIONAL, REQUIRED }

  private final HttpMethod method;
  private final String path;
  private final Permission permission;
  private final int perMinute;
  private final Body body;
  private final Pattern pathPattern;

  Endpoint(HttpMethod method, String path, Permission permission, int perMinute, Body body) {
    this.method = method;
    this.path = path;
    this.permission = permission;
    this.perMinute = perMinute;
    this.body = body;
    this.pathPattern = Pattern.compile(path.replaceAll(":[a-z_]+", "[^/]+"));
  }

  HttpMethod method() {
    return method;
  }

  String path() {
    return path;
  }

  /** Null for the public routes (health, the OpenAPI document). */
  Permission permission() {
    return permission;
  }

  boolean isPublic() {
    return permission == null;
  }

  int perMinute() {
    return perMinute;
  }

  /** Health is limited per client address (it has no user); everything else per user. */
  boolean limitedByAddress() {
    return this == HEALTH;
  }

  Body body() {
    return body;
  }

  /** Batches and distributions carry up to BATCH_MAX_ITEMS items: their limit grows with it. */
  int bodyLimit(ServiceConfig.Gateway config) {
    return this == CREATE_BATCH || this == SUBMIT_DISTRIBUTION || this == PREVIEW_DISTRIBUTION
        ? config.batchBodyLimit() : DEFAULT_BODY_LIMIT;
  }

  boolean matchesPath(String relativePath) {
    return pathPattern.matcher(relativePath).matches();
  }
}
