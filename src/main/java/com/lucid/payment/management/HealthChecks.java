package com.lucid.payment.management;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.store.Store;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Computes the service's health from its parts: the store (required) and the TRON client (reported). */
public final class HealthChecks {
  private final Store store;
  private final PlaneBus bus;
  private final BooleanSupplier accepting;
  private final String version;

  /**
   * @param accepting false once shutdown has begun, so readiness drops before the listeners close
   */
  public HealthChecks(Store store, PlaneBus bus, BooleanSupplier accepting, String version) {
    this.store = store;
    this.bus = bus;
    this.accepting = accepting;
    this.version = version;
  }

  /** Ready = accepting work and the store answers. */
  public Future<JsonObject> readiness() {
    if (!accepting.getAsBoolean()) {
      return Future.succeededFuture(notReady("shutting_down"));
    }
    return store.ping()
        .map(v -> new JsonObject().put("status", "ready").put("timestamp", Instant.now().toString()))
        .otherwise(err -> notReady("store_unreachable"));
  }

  private static JsonObject notReady(String reason) {
    return new JsonObject().put("status", "not_ready").put("reason", reason).put("timestamp", Instant.now().toString());
  }

  /** The full report: healthy (all up), degraded (store up, TRON not up), unhealthy (store down or stopping). */
  public Future<JsonObject> report() {
    Future<JsonObject> storeCheck = store.ping()
        .map(v -> new JsonObject().put("status", "up"))
        .otherwise(err -> new JsonObject().put("status", "down").put("reason", "store_unreachable"));
    Future<JsonObject> tronCheck = bus.<JsonObject>request(BusAddress.TRON_STATUS, new JsonObject())
        .otherwise(err -> new JsonObject().put("status", "down").put("reason", "tron_client_unavailable"));
    return Future.all(storeCheck, tronCheck).map(all -> {
      JsonObject s = storeCheck.result();
      JsonObject t = tronCheck.result();
      String status;
      if (!"up".equals(s.getString("status")) || !accepting.getAsBoolean()) {
        status = "unhealthy";
      } else if (!"up".equals(t.getString("status"))) {
        status = "degraded";
      } else {
        status = "healthy";
      }
      return new JsonObject()
          .put("status", status)
          .put("service", "tron-payment-service")
          .put("version", version)
          .put("timestamp", Instant.now().toString())
          .put("checks", new JsonObject().put("store", s).put("tron", t));
    });
  }
}
