package com.lucid.payment.testing;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.bus.Plane;
import com.lucid.payment.bus.PlaneBus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A sibling service on the ops plane calling the payout addresses, as tests need it. */
public final class BusClient {
  private final PlaneBus bus;

  public BusClient(TestService service) {
    this.bus = new PlaneBus(service.app().vertx().eventBus(), Plane.OPS);
  }

  public JsonObject call(BusAddress address, JsonObject body, String user, String role) throws Exception {
    return bus.<JsonObject>request(address, body, new CallContext(Plane.OPS, user, role, "req_test"))
        .await(30, TimeUnit.SECONDS);
  }

  /** The failure the call ends with (the test expects one). */
  public ApiFailure failure(BusAddress address, JsonObject body, String user, String role) throws Exception {
    Throwable error = bus.request(address, body, new CallContext(Plane.OPS, user, role, "req_test"))
        .transform(ar -> Future.succeededFuture(ar.cause())).await(30, TimeUnit.SECONDS);
    if (error == null) {
      throw new AssertionError(address + " succeeded but a failure was expected");
    }
    return ApiFailure.from(error);
  }

  /** Creates a V0 payout and returns its id. */
  public String pay(String user, String key, String recipient, String amount) throws Exception {
    JsonObject request = new JsonObject().put("recipient_address", recipient).put("amount_usdt", amount)
        .put("reason", "test payout").put("router_type", "PayoutRouterV0");
    return call(BusAddress.PAYOUT_CREATE, new JsonObject().put("idempotency_key", key).put("request", request),
        user, "service").getJsonObject("payout").getString("payout_id");
  }

  /** Waits until the payout has the status, failing with its last view. */
  public JsonObject awaitStatus(String payoutId, String status, long seconds) throws Exception {
    return Await.until("payout " + payoutId + " to become " + status, Duration.ofSeconds(seconds),
        () -> call(BusAddress.PAYOUT_GET, new JsonObject().put("payout_id", payoutId), "admin", "admin"),
        p -> status.equals(p.getString("status")));
  }
}
