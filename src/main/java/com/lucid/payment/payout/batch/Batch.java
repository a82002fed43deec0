package com.lucid.payment.payout.batch;

import com.lucid.payment.payout.model.BatchType;
import com.lucid.payment.payout.model.Priority;
import com.lucid.payment.payout.model.RouterType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A stored batch (payout_batches): who made it, its shared priority and release window, its totals, the limit keys its
 * payouts carry per router, and its items with their payout ids, fixed before any payout is written.
 *
 * @param routerName the router of every item, or "mixed" (a distribution's batch)
 */
public record Batch(String id, BatchState state, Origin origin, String routerName, Priority priority,
    BatchType batchType, int totalPayouts, long totalAmount, long createdAt, long updatedAt, long releaseAt,
    Map<RouterType, List<String>> limitKeys, List<BatchItem> items) {

  /** Who created a batch, and on which request; source says where it came from (api, or distribution:PERIOD). */
  public record Origin(String userId, String role, String requestId, String source) {}

  public List<String> payoutIds() {
    return items.stream().map(BatchItem::payoutId).toList();
  }

  public Batch accepted() {
    return new Batch(id, BatchState.ACCEPTED, origin, routerName, priority, batchType, totalPayouts, totalAmount,
        createdAt, updatedAt, releaseAt, limitKeys, items);
  }

  public JsonObject toStored() {
    JsonObject keys = new JsonObject();
    limitKeys.forEach((router, k) -> keys.put(router.name(), new JsonArray(List.copyOf(k))));
    return new JsonObject()
        .put("_id", id)
        .put("state", state.stored())
        .put("user_id", origin.userId())
        .put("creator_role", origin.role())
        .put("request_id", origin.requestId())
        .put("source", origin.source())
        .put("router_type", routerName)
        .put("priority", priority.name())
        .put("batch_type", batchType.name())
        .put("total_payouts", totalPayouts)
        .put("total_amount", totalAmount)
        .put("created_at", createdAt)
        .put("updated_at", updatedAt)
        .put("release_at", releaseAt)
        .put("limit_keys", keys)
        .put("items", new JsonArray(items.stream().map(BatchItem::toStored).toList()));
  }

  public static Batch fromStored(JsonObject doc) {
    Priority priority = Priority.valueOf(doc.getString("priority"));
    BatchType batchType = BatchType.valueOf(doc.getString("batch_type"));
    Map<RouterType, List<String>> keys = new EnumMap<>(RouterType.class);
    doc.getJsonObject("limit_keys", new JsonObject()).forEach(e -> keys.put(RouterType.valueOf(e.getKey()),
        ((JsonArray) e.getValue()).stream().map(String::valueOf).toList()));
    return new Batch(doc.getString("_id"), BatchState.fromStored(doc.getString("state")),
        new Origin(doc.getString("user_id"), doc.getString("creator_role"), doc.getString("request_id"),
            doc.getString("source")),
        doc.getString("router_type"), priority, batchType, doc.getInteger("total_payouts"),
        doc.getLong("total_amount"), doc.getLong("created_at"), doc.getLong("updated_at"), doc.getLong("release_at"),
        keys, doc.getJsonArray("items").stream()
            .map(i -> BatchItem.fromStored((JsonObject) i, priority, batchType)).toList());
  }
}
