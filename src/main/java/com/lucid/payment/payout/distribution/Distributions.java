package com.lucid.payment.payout.distribution;

import com.lucid.payment.payout.batch.Batch;
import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Distribution documents ({@link Distribution}), one per period: the stored plan, planned until its batch and
 * rollovers exist, then done. Whoever carries a planned distribution forward holds its lease, so a request, a
 * resubmission and the sweep never do it at the same time.
 */
final class Distributions {
  static final long LEASE_MS = 60_000;
  private static final String PLANNED = Distribution.State.PLANNED.stored();

  private final MongoClient mongo;

  public Distributions(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** Who submitted a period, with what, and the fee and minimum it was computed with. */
  record Submission(String period, String requestHash, Batch.Origin origin, int feeBps, long minPayout) {}

  /** A new plan, leased by {@code leaseOwner} who carries it forward. */
  static Distribution planned(Submission s, List<DistributionLine> lines, Optional<String> batchId, String leaseOwner,
      Instant now) {
    return new Distribution(s.period(), Distribution.State.PLANNED, s.requestHash(), s.origin().userId(),
        s.origin().role(), s.origin().requestId(), s.feeBps(), s.minPayout(), batchId, lines, now.toEpochMilli(),
        now.toEpochMilli(), leaseOwner, now.toEpochMilli() + LEASE_MS);
  }

  Future<Optional<Distribution>> find(String period) {
    return mongo.findOne(StoreSchema.DISTRIBUTIONS, new JsonObject().put("_id", period), null)
        .map(doc -> Optional.ofNullable(doc).map(Distribution::fromStored));
  }

  Future<Void> insert(Distribution distribution) {
    return mongo.insert(StoreSchema.DISTRIBUTIONS, distribution.toStored()).mapEmpty();
  }

  /** Takes the lease of a planned distribution whose lease is free; empty when someone else holds it. */
  Future<Optional<Distribution>> lease(String period, String owner, Instant now) {
    JsonObject filter = new JsonObject().put("_id", period).put("state", PLANNED)
        .put("lease_until", new JsonObject().put("$lt", now.toEpochMilli()));
    JsonObject update = new JsonObject().put("$set", new JsonObject().put("lease_owner", owner)
        .put("lease_until", now.toEpochMilli() + LEASE_MS).put("updated_at", now.toEpochMilli()));
    return mongo.findOneAndUpdateWithOptions(StoreSchema.DISTRIBUTIONS, filter, update, new FindOptions(),
        new UpdateOptions().setReturningNewDocument(true)).map(doc -> Optional.ofNullable(doc)
        .map(Distribution::fromStored));
  }

  Future<Void> markDone(String period, Instant now) {
    return mongo.updateCollection(StoreSchema.DISTRIBUTIONS, new JsonObject().put("_id", period),
        new JsonObject().put("$set", new JsonObject().put("state", Distribution.State.DONE.stored())
            .put("lease_until", 0L).put("updated_at", now.toEpochMilli()))).mapEmpty();
  }

  /** Removes a plan that was refused (limits, breaker) while its holder still holds the lease. */
  Future<Void> remove(String period, String owner) {
    return mongo.removeDocuments(StoreSchema.DISTRIBUTIONS, new JsonObject().put("_id", period)
        .put("state", PLANNED).put("lease_owner", owner)).mapEmpty();
  }

  /** Periods still planned whose lease has lapsed: left by a crash. */
  Future<List<String>> stranded(Instant now) {
    JsonObject query = new JsonObject().put("state", PLANNED)
        .put("lease_until", new JsonObject().put("$lt", now.toEpochMilli()));
    return mongo.findWithOptions(StoreSchema.DISTRIBUTIONS, query, new FindOptions().setLimit(10)
        .setFields(new JsonObject().put("_id", 1))).map(docs -> docs.stream().map(d -> d.getString("_id")).toList());
  }
}
