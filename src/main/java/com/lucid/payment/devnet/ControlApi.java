package com.lucid.payment.devnet;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * The test-only control API under /devnet/control: funding, faults, forced blocks, and the
 * journal of USDT transfers with current balances. Mounted only when enabled in the options.
 */
final class ControlApi {
  static final String ROOT = "/devnet/control";

  private final Devnet devnet;

  ControlApi(Devnet devnet) {
    this.devnet = devnet;
  }

  void mount(Router router) {
    route(router, HttpMethod.POST, "/fund", this::fund);
    route(router, HttpMethod.GET, "/faults", ctx -> faults());
    route(router, HttpMethod.POST, "/faults", this::addFault);
    route(router, HttpMethod.DELETE, "/faults", ctx ->
        new JsonObject().put("cleared", devnet.clearFaults()));
    route(router, HttpMethod.DELETE, "/faults/:id", this::removeFault);
    route(router, HttpMethod.POST, "/blocks", this::produceBlocks);
    route(router, HttpMethod.GET, "/journal", ctx -> journal());
  }

  private void route(Router router, HttpMethod method, String path,
      Function<RoutingContext, JsonObject> handler) {
    router.route(method, ROOT + path).handler(ctx -> {
      try {
        JsonObject json = handler.apply(ctx);
        if (json == null) {
          ctx.response().setStatusCode(404).end(new JsonObject()
              .put("error", "not found").encode());
        } else {
          ctx.response().putHeader("Content-Type", "application/json").end(json.encode());
        }
      } catch (RuntimeException e) {
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("error", String.valueOf(e.getMessage())).encode());
      }
    });
  }

  /** {"address": base58 or hex, "trx_sun": n, "usdt_units": n} → the address's balances. */
  private JsonObject fund(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    String address = body.getString("address");
    if (address == null) {
      throw new IllegalArgumentException("address is required");
    }
    devnet.fund(address, body.getLong("trx_sun", 0L), body.getLong("usdt_units", 0L));
    return balanceJson(devnet.balance(address));
  }

  private JsonObject faults() {
    JsonArray list = new JsonArray();
    devnet.faults().forEach((id, fault) -> list.add(fault.toJson().put("id", id)));
    return new JsonObject().put("faults", list);
  }

  /** {"type", "path"?, "times"?, "delay_ms"?, "status"?} → the fault with its "id". */
  private JsonObject addFault(RoutingContext ctx) {
    DevnetFault fault = DevnetFault.fromJson(ctx.body().asJsonObject());
    return fault.toJson().put("id", devnet.injectFault(fault));
  }

  private JsonObject removeFault(RoutingContext ctx) {
    return devnet.clearFault(ctx.pathParam("id")) ? new JsonObject().put("cleared", 1) : null;
  }

  /** {"count": n} (default 1) → head and solidified block numbers after producing them. */
  private JsonObject produceBlocks(RoutingContext ctx) {
    JsonObject body = ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
    int count = body.getInteger("count", 1);
    if (count < 1 || count > 10_000) {
      throw new IllegalArgumentException("count must be 1..10000");
    }
    devnet.produceBlocks(count);
    return heads();
  }

  private JsonObject journal() {
    JsonArray transfers = new JsonArray();
    for (UsdtTransfer t : devnet.transfers()) {
      transfers.add(new JsonObject().put("txid", t.txid()).put("from", t.from()).put("to", t.to())
          .put("amount", t.amount()).put("block", t.blockNumber()));
    }
    JsonArray balances = new JsonArray();
    devnet.balances().forEach(b -> balances.add(balanceJson(b)));
    return heads().put("transfers", transfers).put("balances", balances);
  }

  private JsonObject heads() {
    return new JsonObject().put("head_block", devnet.headBlockNumber())
        .put("solidified_block", devnet.solidifiedBlockNumber());
  }

  private static JsonObject balanceJson(AccountBalance balance) {
    return new JsonObject().put("address", balance.address()).put("trx_sun", balance.trxSun())
        .put("usdt_units", balance.usdtUnits());
  }
}
