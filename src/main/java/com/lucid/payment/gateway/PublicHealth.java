package com.lucid.payment.gateway;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.bus.Plane;
import com.lucid.payment.bus.PlaneBus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.LongSupplier;

/**
 * GET /health as anyone may see it: the overall status and whether the store and TRON are up, nothing else. The full
 * report (management port) names the hot wallet, the USDT contract, the node URLs and the block heights, which would
 * tie the onion service to its wallet on chain. However many clients ask, the wallet plane is asked at most once per
 * {@link #FRESH_MILLIS}: every answer in between is the last one. Used on the gateway's event loop only.
 */
final class PublicHealth {
  static final long FRESH_MILLIS = 1_000;

  private final PlaneBus bus;
  private final LongSupplier clock;
  private Future<JsonObject> last;
  private long askedAt;

  PublicHealth(PlaneBus bus, LongSupplier clock) {
    this.bus = bus;
    this.clock = clock;
  }

  /** The public view; fails as the bus request did (the route answers 503). */
  Future<JsonObject> report() {
    long now = clock.getAsLong();
    if (last == null || now - askedAt >= FRESH_MILLIS || now < askedAt) {
      askedAt = now;
      last = bus.<JsonObject>request(BusAddress.HEALTH, new JsonObject(),
          new CallContext(Plane.OPS, null, null, RequestIds.newId())).map(PublicHealth::redact);
    }
    return last;
  }

  /** Only fixed words survive: a status is one of a few, a check is up or down. */
  static JsonObject redact(JsonObject full) {
    JsonObject checks = new JsonObject();
    JsonObject given = full.getJsonObject("checks", new JsonObject());
    for (String part : new String[] {"store", "tron"}) {
      Object check = given.getValue(part);
      boolean up = check instanceof JsonObject c && "up".equals(c.getValue("status"));
      checks.put(part, up ? "up" : "down");
    }
    Object status = full.getValue("status");
    return new JsonObject()
        .put("status", "healthy".equals(status) || "degraded".equals(status) ? status : "unhealthy")
        .put("checks", checks);
  }
}
