package com.lucid.payment.payout.distribution;

import com.lucid.payment.payout.batch.Batches;
import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Distribution documents (payout_distributions), one per period (_id): the stored plan, "planned" until its batch
 * and rollovers exist, then "done". Whoever carries a planned distribution forward holds its lease, so a request, a
 * resubmission and the sweep never do it at the same time.
 */
public final class Distributions {
  public static final String PLANNED = "planned";
  public static final String DONE = "done";
  public static final long LEASE_MS = 60_000;

  private final MongoClient mongo;

  public Distributions(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** Who submitted a period, with what, and the fee and minimum it was computed with. */
  public record Submission(String period, String requestHash, Batches.Origin origin, int feeBps, long minPayout) {}

  public static JsonObject planned(Submission s, JsonArray lines, String batchId, String leaseOwner, Instant now) {
    return new JsonObject()
        .put("_id", s.period())
        .put("state", PLANNED)
        .put("request_hash", s.requestHash())
        .put("submitted_by", s.origin().userId())
        .put("submitter_role", s.origin().role())
        .put("request_id", s.origin().requestId())
        .put("fee_bps", s.feeBps())
        .put("min_payout", s.minPayout())
        .put("batch_id", batchId)
        .put("lines", lines)
        .put("created_at", now.toEpochMilli())
        .put("updated_at", now.toEpochMilli())
        .put("lease_owner", leaseOwner)
        .put("lease_until", now.toEpochMilli() + LEASE_MS);
  }

  public Future<Optional<JsonObject>> find(String period) {
    return mongo.findOne(StoreSchema.DISTRIBUTIONS, new JsonObject().put("_id", period), null)
        .map(Optional::ofNullable);
  }

  public Future<Void> insert(JsonObject doc) {
    return mongo.insert(StoreSchema.DISTRIBUTIONS, doc).mapEmpty();
  }

  /** Takes the lease of a planned distribution whose lease is free; empty when someone else holds it. */
  public Future<Optional<JsonObject>> lease(String period, String owner, Instant now) {
    JsonObject filter = new JsonObject().put("_id", period).put("state", PLANNED)
        .put("lease_until", new JsonObject().put("$lt", now.toEpochMilli()));
    JsonObject update = new JsonObject().put("$set", new JsonObject().put("lease_owner", owner)
        .put("lease_until", now.toEpochMilli() + LEASE_MS).put("updated_at", now.toEpochMilli()));
    return mongo.findOneAndUpdateWithOptions(StoreSchema.DISTRIBUTIONS, filter, update, new FindOptions(),
        new UpdateOptions().setReturningNewDocument(true)).map(Optional::ofNullable);
  }

  public Future<Void> markDone(String period, Instant now) {
    return mongo.updateCollection(StoreSchema.DISTRIBUTIONS, new JsonObject().put("_id", period),
        new JsonObject().put("$set", new JsonObject().put("state", DONE).put("lease_until", 0L)
            .put("updated_at", now.toEpochMilli()))).mapEmpty();
  }

  /** Removes a plan that was refused (limits, breaker) while its holder still holds the lease. */
  public Future<Void> remove(String period, String owner) {
    return mongo.removeDocuments(StoreSchema.DISTRIBUTIONS, new JsonObject().put("_id", period)
        .put("state", PLANNED).put("lease_owner", owner)).mapEmpty();
  }

  /** Periods still planned whose lease has lapsed: left by a crash. */
  public Future<List<String>> stranded(Instant now) {
    JsonObject query = new JsonObject().put("state", PLANNED)
        .put("lease_until", new JsonObject().put("$lt", now.toEpochMilli()));
    return mongo.findWithOptions(StoreSchema.DISTRIBUTIONS, query, new FindOptions().setLimit(10)
        .setFields(new JsonObject().put("_id", 1))).map(docs -> docs.stream().map(d -> d.getString("_id")).toList());
  }
}
