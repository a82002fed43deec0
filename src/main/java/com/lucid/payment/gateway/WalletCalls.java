package com.lucid.payment.gateway;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.auth.Caller;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.bus.Plane;
import com.lucid.payment.bus.PlaneBus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Requests to the wallet plane on behalf of the authenticated caller (user id, role, request id in the bus headers),
 * and their replies written as HTTP: a JSON object, or the error envelope of the {@link ApiFailure} the bus carried.
 */
final class WalletCalls {
  private static final Logger LOG = Logger.getLogger(WalletCalls.class.getName());

  private final PlaneBus bus;

  WalletCalls(PlaneBus bus) {
    this.bus = bus;
  }

  Future<JsonObject> request(RoutingContext ctx, BusAddress address, JsonObject body) {
    Caller caller = BearerAuth.caller(ctx);
    CallContext context = new CallContext(Plane.OPS, caller.userId(), caller.role().claim(), RequestIds.of(ctx));
    return bus.request(address, body, context).compose(reply -> reply instanceof JsonObject json
        ? Future.succeededFuture(json)
        : Future.failedFuture(new IllegalStateException(address.address() + " replied with a non-object")));
  }

  /** Sends the request and answers 200 with the reply as it is. */
  void forward(RoutingContext ctx, BusAddress address, JsonObject body) {
    request(ctx, address, body).onSuccess(reply -> send(ctx, 200, reply)).onFailure(err -> fail(ctx, err));
  }

  static void send(RoutingContext ctx, int status, JsonObject body) {
    if (!ctx.response().ended() && !ctx.response().closed()) {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
  }

  /** A bus failure as the client sees it; what the client must not see is logged here with the request id. */
  static void fail(RoutingContext ctx, Throwable err) {
    ApiFailure failure = ApiFailure.from(err);
    if (failure.code() == ErrorCode.INTERNAL || failure.code() == ErrorCode.UNAVAILABLE) {
      LOG.log(Level.WARNING, "wallet plane call failed: request_id=" + RequestIds.of(ctx) + " " + err, err);
    }
    ApiError.send(ctx, failure);
  }
}
