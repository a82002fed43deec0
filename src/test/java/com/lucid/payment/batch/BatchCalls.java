package com.lucid.payment.batch;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.BusClient;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** Batch requests over the bus, as a sibling service (or the gateway) makes them. */
final class BatchCalls {
  private final BusClient bus;

  BatchCalls(TestService service) {
    this.bus = new BusClient(service);
  }

  BusClient bus() {
    return bus;
  }

  static JsonObject item(String recipient, String amount) {
    return new JsonObject().put("recipient_address", recipient).put("amount_usdt", amount).put("reason", "reward");
  }

  /** A V0 batch of fresh recipients, amounts 1, 2, 3... USDT. */
  static JsonObject fresh(int count, String batchType, String priority) {
    JsonArray items = new JsonArray();
    for (int i = 0; i < count; i++) {
      items.add(item(TestService.newAddress().base58(), (i + 1) + ""));
    }
    return body(items, batchType, priority);
  }

  static JsonObject body(JsonArray items, String batchType, String priority) {
    JsonObject body = new JsonObject().put("payouts", items).put("router_type", "PayoutRouterV0");
    if (batchType != null) {
      body.put("batch_type", batchType);
    }
    if (priority != null) {
      body.put("priority", priority);
    }
    return body;
  }

  /** {replayed, batch}. */
  JsonObject create(String user, String role, String key, JsonObject body) throws Exception {
    return bus.call(BusAddress.BATCH_CREATE, message(key, body), user, role);
  }

  ApiFailure refused(String user, String role, String key, JsonObject body) throws Exception {
    return bus.failure(BusAddress.BATCH_CREATE, message(key, body), user, role);
  }

  private static JsonObject message(String key, JsonObject body) {
    return new JsonObject().put("idempotency_key", key).put("request", body);
  }

  JsonObject status(String batchId, String user, String role) throws Exception {
    return bus.call(BusAddress.BATCH_GET, new JsonObject().put("batch_id", batchId), user, role);
  }

  /** Waits until the batch has the status, failing with its last view. */
  JsonObject awaitBatch(String batchId, String status, long seconds) throws Exception {
    return Await.until("batch " + batchId + " to become " + status, Duration.ofSeconds(seconds),
        () -> status(batchId, "admin", "admin"), b -> status.equals(b.getString("status")));
  }
}
