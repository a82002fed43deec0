package com.lucid.payment.gateway;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.bus.BusAddress;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.regex.Pattern;

/** The payout routes: each HTTP request becomes its bus request; validation of the fields is the engine's. */
final class PayoutRoutes {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  private static final Pattern PAYOUT_ID = Pattern.compile("payout_[A-Za-z0-9]+");
  private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7e]{1,255}");

  private final WalletCalls wallet;

  PayoutRoutes(WalletCalls wallet) {
    this.wallet = wallet;
  }

  /** 201 with the new payout; 200 and Idempotent-Replayed: true when the engine answers an earlier request again. */
  void create(RoutingContext ctx) {
    String key = idempotencyKey(ctx);
    JsonObject request = JsonBody.of(ctx);
    JsonObject message = new JsonObject().put("idempotency_key", key).put("request", request);
    wallet.request(ctx, BusAddress.PAYOUT_CREATE, message).onSuccess(reply -> {
      JsonObject payout = reply.getJsonObject("payout", new JsonObject());
      if (Boolean.TRUE.equals(reply.getBoolean("replayed"))) {
        ctx.response().putHeader(REPLAYED, "true");
        WalletCalls.send(ctx, 200, payout);
        return;
      }
      String id = payout.getString("payout_id");
      if (id != null && PAYOUT_ID.matcher(id).matches()) {
        ctx.response().putHeader("Location", GatewayVerticle.BASE + "/payouts/" + id);
      }
      WalletCalls.send(ctx, 201, payout);
    }).onFailure(err -> WalletCalls.fail(ctx, err));
  }

  /** The one Idempotency-Key header of a create request (a payout or a batch). */
  static String idempotencyKey(RoutingContext ctx) {
    List<String> keys = ctx.request().headers().getAll(IDEMPOTENCY_KEY);
    if (keys.size() != 1 || !VISIBLE_ASCII.matcher(keys.get(0)).matches()) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST,
          "one Idempotency-Key header is required: 1 to 255 visible ASCII characters");
    }
    return keys.get(0);
  }

  void list(RoutingContext ctx) {
    wallet.forward(ctx, BusAddress.PAYOUT_LIST, queryStrings(ctx));
  }

  /** The query parameters as strings, each at most once; which ones are allowed is the engine's decision. */
  static JsonObject queryStrings(RoutingContext ctx) {
    MultiMap query = ctx.queryParams();
    JsonObject params = new JsonObject();
    for (String name : query.names()) {
      if (query.getAll(name).size() != 1) {
        throw new ApiFailure(ErrorCode.INVALID_REQUEST, "each query parameter may be given once");
      }
      params.put(name, query.get(name));
    }
    return params;
  }

  void get(RoutingContext ctx) {
    wallet.forward(ctx, BusAddress.PAYOUT_GET, new JsonObject().put("payout_id", payoutId(ctx)));
  }

  /** The body (optional, e.g. a reason) is passed on beside the payout id of the path. */
  void cancel(RoutingContext ctx) {
    String id = payoutId(ctx);
    JsonObject body = JsonBody.of(ctx);
    if (body.containsKey("payout_id")) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "the payout id comes from the path, not the body");
    }
    wallet.forward(ctx, BusAddress.PAYOUT_CANCEL, body.put("payout_id", id));
  }

  void transaction(RoutingContext ctx) {
    wallet.forward(ctx, BusAddress.PAYOUT_TRANSACTION, new JsonObject().put("payout_id", payoutId(ctx)));
  }

  /** An id that cannot exist is answered here, without asking the wallet plane. */
  private static String payoutId(RoutingContext ctx) {
    String id = ctx.pathParam("payout_id");
    if (id == null || id.length() > 128 || !PAYOUT_ID.matcher(id).matches()) {
      throw new ApiFailure(ErrorCode.NOT_FOUND, "no such payout");
    }
    return id;
  }
}
