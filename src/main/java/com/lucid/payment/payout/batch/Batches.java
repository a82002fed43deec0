package com.lucid.payment.payout.batch;

import com.lucid.payment.payout.model.RouterType;
import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Batch documents (payout_batches). A batch is stored "accepting" with its validated items and payout ids before any
 * payout is written, and becomes "accepted" once every payout exists; an accepting batch left by a crash is finished
 * by a replay or the sweep, never duplicated, because its payout ids are fixed.
 */
public final class Batches {
  public static final String ACCEPTING = "accepting";
  public static final String ACCEPTED = "accepted";

  private final MongoClient mongo;

  public Batches(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** Who created a batch, and on which request; source says where it came from (api, or distribution:PERIOD). */
  public record Origin(String userId, String role, String requestId, String source) {}

  /** A new accepting batch: every item with its payout id, and the limit keys each router's payouts carry. */
  public static JsonObject newBatch(String id, BatchOrder order, List<String> payoutIds, Origin origin,
      Map<RouterType, List<String>> limitKeys, Instant now, Instant releaseAt) {
    JsonArray items = new JsonArray();
    for (int i = 0; i < order.payouts().size(); i++) {
      items.add(BatchItems.toItem(payoutIds.get(i), order.payouts().get(i)));
    }
    JsonObject keys = new JsonObject();
    limitKeys.forEach((router, k) -> keys.put(router.name(), new JsonArray(List.copyOf(k))));
    return new JsonObject()
        .put("_id", id)
        .put("state", ACCEPTING)
        .put("user_id", origin.userId())
        .put("creator_role", origin.role())
        .put("request_id", origin.requestId())
        .put("source", origin.source())
        .put("router_type", order.routerName())
        .put("priority", order.priority().name())
        .put("batch_type", order.batchType().name())
        .put("total_payouts", order.payouts().size())
        .put("total_amount", order.total())
        .put("created_at", now.toEpochMilli())
        .put("updated_at", now.toEpochMilli())
        .put("release_at", releaseAt.toEpochMilli())
        .put("limit_keys", keys)
        .put("items", items);
  }

  public static List<String> payoutIds(JsonObject batch) {
    return batch.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("payout_id")).toList();
  }

  public Future<Void> insert(JsonObject doc) {
    return mongo.insert(StoreSchema.BATCHES, doc).mapEmpty();
  }

  public Future<Optional<JsonObject>> find(String id) {
    return mongo.findOne(StoreSchema.BATCHES, new JsonObject().put("_id", id), null).map(Optional::ofNullable);
  }

  public Future<Void> markAccepted(String id, Instant now) {
    return mongo.updateCollection(StoreSchema.BATCHES, new JsonObject().put("_id", id),
        new JsonObject().put("$set", new JsonObject().put("state", ACCEPTED).put("updated_at", now.toEpochMilli())))
        .mapEmpty();
  }

  /** Ids of batches still accepting that were last touched before {@code before}: left by a crash. */
  public Future<List<String>> stranded(Instant before, int limit) {
    JsonObject query = new JsonObject().put("state", ACCEPTING)
        .put("updated_at", new JsonObject().put("$lt", before.toEpochMilli()));
    return mongo.findWithOptions(StoreSchema.BATCHES, query, new FindOptions().setLimit(limit)
        .setFields(new JsonObject().put("_id", 1))).map(docs -> docs.stream().map(d -> d.getString("_id")).toList());
  }
}
