package com.lucid.payment.payout.batch;

import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Batch documents (payout_batches). A batch is stored accepting with its validated items and payout ids before any
 * payout is written, and becomes accepted once every payout exists; an accepting batch left by a crash is finished
 * by a replay or the sweep, never duplicated, because its payout ids are fixed.
 */
public final class Batches {
  private final MongoClient mongo;

  public Batches(MongoClient mongo) {
    this.mongo = mongo;
  }

  public Future<Void> insert(Batch batch) {
    return mongo.insert(StoreSchema.BATCHES, batch.toStored()).mapEmpty();
  }

  public Future<Optional<Batch>> find(String id) {
    return mongo.findOne(StoreSchema.BATCHES, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(Batch::fromStored));
  }

  Future<Void> markAccepted(String id, Instant now) {
    return mongo.updateCollection(StoreSchema.BATCHES, new JsonObject().put("_id", id),
        new JsonObject().put("$set", new JsonObject().put("state", BatchState.ACCEPTED.stored())
            .put("updated_at", now.toEpochMilli()))).mapEmpty();
  }

  /** Ids of batches still accepting that were last touched before {@code before}: left by a crash. */
  public Future<List<String>> stranded(Instant before, int limit) {
    JsonObject query = new JsonObject().put("state", BatchState.ACCEPTING.stored())
        .put("updated_at", new JsonObject().put("$lt", before.toEpochMilli()));
    return mongo.findWithOptions(StoreSchema.BATCHES, query, new FindOptions().setLimit(limit)
        .setFields(new JsonObject().put("_id", 1))).map(docs -> docs.stream().map(d -> d.getString("_id")).toList());
  }
}
