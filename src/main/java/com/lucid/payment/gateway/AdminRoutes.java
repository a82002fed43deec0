package com.lucid.payment.gateway;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.bus.BusAddress;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The admin routes (payment:admin): wallet, staking, pause and resume, the circuit breaker. */
final class AdminRoutes {
  private final WalletCalls wallet;

  AdminRoutes(WalletCalls wallet) {
    this.wallet = wallet;
  }

  void walletStatus(RoutingContext ctx) {
    wallet.forward(ctx, BusAddress.ADMIN_WALLET, new JsonObject());
  }

  void stake(RoutingContext ctx) {
    wallet.forward(ctx, BusAddress.ADMIN_STAKE, JsonBody.of(ctx));
  }

  void pause(RoutingContext ctx) {
    wallet.forward(ctx, BusAddress.ADMIN_PAUSE, JsonBody.of(ctx));
  }

  void resume(RoutingContext ctx) {
    wallet.forward(ctx, BusAddress.ADMIN_RESUME, JsonBody.of(ctx));
  }

  void breakerState(RoutingContext ctx) {
    wallet.forward(ctx, BusAddress.ADMIN_BREAKER, new JsonObject().put("action", "get"));
  }

  /** An admin's decision on a payout held for review: resign, mark_paid (with a txid) or cancel, with a note. */
  void review(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    if (body.containsKey("payout_id")) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "unknown field payout_id");
    }
    wallet.forward(ctx, BusAddress.ADMIN_REVIEW, body.put("payout_id", ctx.pathParam("payout_id")));
  }

  /** trip or reset; reading the state is the GET. */
  void breakerAction(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    Object action = body.getValue("action");
    if (!"trip".equals(action) && !"reset".equals(action)) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "action must be trip or reset");
    }
    wallet.forward(ctx, BusAddress.ADMIN_BREAKER, body);
  }
}
