package com.lucid.payment.gateway;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.bus.BusAddress;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/** The batch, stats and monthly distribution routes: each HTTP request becomes its bus request, as for payouts. */
final class BatchRoutes {
  private static final Pattern BATCH_ID = Pattern.compile("batch_[A-Za-z0-9]{1,121}");
  private static final Pattern PERIOD = Pattern.compile("[0-9]{4}-[0-9]{2}");

  private final WalletCalls wallet;

  BatchRoutes(WalletCalls wallet) {
    this.wallet = wallet;
  }

  /** 201 with the batch; 200 and Idempotent-Replayed: true when the engine answers an earlier request again. */
  void create(RoutingContext ctx) {
    String key = PayoutRoutes.idempotencyKey(ctx);
    JsonObject request = JsonBody.of(ctx);
    JsonObject message = new JsonObject().put("idempotency_key", key).put("request", request);
    wallet.request(ctx, BusAddress.BATCH_CREATE, message).onSuccess(reply -> {
      JsonObject batch = reply.getJsonObject("batch", new JsonObject());
      String id = batch.getString("batch_id");
      if (id != null && BATCH_ID.matcher(id).matches()) {
        ctx.response().putHeader("Location", GatewayVerticle.BASE + "/payouts/batch/" + id);
      }
      created(ctx, reply.getBoolean("replayed"), batch);
    }).onFailure(err -> WalletCalls.fail(ctx, err));
  }

  void get(RoutingContext ctx) {
    String id = ctx.pathParam("batch_id");
    if (id == null || !BATCH_ID.matcher(id).matches()) {
      throw new ApiFailure(ErrorCode.NOT_FOUND, "no such batch");
    }
    wallet.forward(ctx, BusAddress.BATCH_GET, new JsonObject().put("batch_id", id));
  }

  void stats(RoutingContext ctx) {
    wallet.forward(ctx, BusAddress.STATS, PayoutRoutes.queryStrings(ctx));
  }

  /** 201 with the period's report the first time; 200 and Idempotent-Replayed: true for the same period again. */
  void submitDistribution(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    wallet.request(ctx, BusAddress.DISTRIBUTION_SUBMIT, body).onSuccess(reply -> {
      JsonObject report = reply.getJsonObject("report", new JsonObject());
      String period = report.getString("period");
      if (period != null && PERIOD.matcher(period).matches()) {
        ctx.response().putHeader("Location", GatewayVerticle.BASE + "/distributions/" + period);
      }
      created(ctx, reply.getBoolean("replayed"), report);
    }).onFailure(err -> WalletCalls.fail(ctx, err));
  }

  void previewDistribution(RoutingContext ctx) {
    wallet.forward(ctx, BusAddress.DISTRIBUTION_PREVIEW, JsonBody.of(ctx));
  }

  /** The report as JSON, or as CSV with ?format=csv. */
  void distributionReport(RoutingContext ctx) {
    String period = ctx.pathParam("period");
    if (period == null || !PERIOD.matcher(period).matches()) {
      throw new ApiFailure(ErrorCode.NOT_FOUND, "no distribution for that period");
    }
    JsonObject query = PayoutRoutes.queryStrings(ctx);
    query.fieldNames().stream().filter(f -> !f.equals("format")).findFirst().ifPresent(f -> {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "unknown query parameter " + f);
    });
    wallet.request(ctx, BusAddress.DISTRIBUTION_REPORT, query.put("period", period)).onSuccess(reply -> {
      if (!"csv".equals(reply.getString("format"))) {
        WalletCalls.send(ctx, 200, reply);
      } else if (!ctx.response().ended() && !ctx.response().closed()) {
        ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"distribution-" + period + ".csv\"")
            .end(reply.getString("csv", ""));
      }
    }).onFailure(err -> WalletCalls.fail(ctx, err));
  }

  private static void created(RoutingContext ctx, Boolean replayed, JsonObject body) {
    if (Boolean.TRUE.equals(replayed)) {
      ctx.response().putHeader(PayoutRoutes.REPLAYED, "true");
      WalletCalls.send(ctx, 200, body);
    } else {
      WalletCalls.send(ctx, 201, body);
    }
  }
}
