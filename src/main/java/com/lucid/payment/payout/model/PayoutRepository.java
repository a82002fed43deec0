package com.lucid.payment.payout.model;

import com.lucid.payment.payout.audit.Quarantine;
import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Payout documents in MongoDB: inserts, reads, and compare-and-set transitions guarded by version and lease. */
public final class PayoutRepository {
  private static final JsonObject PRIORITY_ORDER = new JsonObject().put("priority_rank", -1).put("created_at", 1);
  private final MongoClient mongo;
  /** Numbers this instance's claims, so that each claim's token names exactly the payouts it leased. */
  private final AtomicLong claims = new AtomicLong();

  public PayoutRepository(MongoClient mongo) {
    this.mongo = mongo;
  }

  public Future<Void> insert(JsonObject doc) {
    return mongo.insert(StoreSchema.PAYOUTS, doc).mapEmpty();
  }

  /**
   * Inserts many payouts in one write; each comes back if it is stored. When the write fails, which ones landed is
   * read back; a payout that did not land fails with the write's error (its outcome was unknown to the write).
   */
  public Future<List<Future<JsonObject>>> insertAll(List<JsonObject> docs) {
    List<BulkOperation> inserts = docs.stream().map(BulkOperation::createInsert).toList();
    return mongo.bulkWriteWithOptions(StoreSchema.PAYOUTS, inserts, new BulkWriteOptions(false))
        .map(done -> docs.stream().map(Future::succeededFuture).toList())
        .recover(err -> {
          List<Future<JsonObject>> landed = docs.stream().map(doc -> find(doc.getString("_id"))
              .compose(found -> found.isPresent() ? Future.succeededFuture(doc) : Future.<JsonObject>failedFuture(err)))
              .toList();
          return Future.join(landed).transform(v -> Future.succeededFuture(landed));
        });
  }

  public Future<Optional<JsonObject>> find(String id) {
    return mongo.findOne(StoreSchema.PAYOUTS, new JsonObject().put("_id", id), null).map(Optional::ofNullable);
  }

  public Future<List<JsonObject>> find(JsonObject query, JsonObject sort, int skip, int limit) {
    FindOptions options = new FindOptions().setSort(sort).setSkip(skip).setLimit(limit);
    return mongo.findWithOptions(StoreSchema.PAYOUTS, query, options);
  }

  public Future<Long> count(JsonObject query) {
    return mongo.count(StoreSchema.PAYOUTS, query);
  }

  /**
   * Applies the change if the payout is still at the version it was read at (and, for a worker, still leased to
   * it). Empty when someone else changed it first: the caller re-reads and decides again, never overwrites.
   */
  public Future<Optional<JsonObject>> apply(JsonObject current, Change change, AuditTrail.Actor actor, Instant now,
      String leaseOwner) {
    return mongo.findOneAndUpdateWithOptions(StoreSchema.PAYOUTS, casFilter(current, leaseOwner),
        change.update(current, actor, now), new FindOptions(), new UpdateOptions().setReturningNewDocument(true))
        .map(Optional::ofNullable);
  }

  /**
   * The same compare-and-set as {@link #apply}, for a write after which the caller only needs to know whether it
   * won: the payout is not sent back. False when someone else changed it first.
   */
  public Future<Boolean> applyLast(JsonObject current, Change change, AuditTrail.Actor actor, Instant now,
      String leaseOwner) {
    return mongo.updateCollection(StoreSchema.PAYOUTS, casFilter(current, leaseOwner),
        change.update(current, actor, now)).map(done -> done.getDocMatched() == 1);
  }

  private static JsonObject casFilter(JsonObject current, String leaseOwner) {
    JsonObject filter = new JsonObject().put("_id", current.getString("_id"))
        .put("version", current.getInteger("version"));
    if (leaseOwner != null) {
      filter.put("lease_owner", leaseOwner);
    }
    return filter;
  }

  /**
   * Claims up to {@code limit} payouts that are due (not terminal, check time reached, lease free or expired),
   * highest priority and oldest first, in three round trips whatever the count: the candidates, one update that
   * leases those still due under a token of this claim, and a read of what that token holds. Each document's update
   * is atomic and re-checks the lease, so two workers never hold one payout.
   */
  public Future<List<JsonObject>> claimDue(String owner, Instant now, long leaseMs, JsonArray statuses, int limit) {
    long t = now.toEpochMilli();
    JsonObject due = due(statuses, t);
    FindOptions options = new FindOptions().setSort(PRIORITY_ORDER).setLimit(limit)
        .setFields(new JsonObject().put("_id", 1));
    return mongo.findWithOptions(StoreSchema.PAYOUTS, due, options).compose(candidates -> {
      if (candidates.isEmpty()) {
        return Future.succeededFuture(List.of());
      }
      JsonArray ids = new JsonArray(candidates.stream().map(c -> c.getValue("_id")).toList());
      String token = owner + "-" + claims.incrementAndGet();
      JsonObject filter = due(statuses, t).put("_id", new JsonObject().put("$in", ids));
      JsonObject update = new JsonObject()
          .put("$set", new JsonObject().put("lease_owner", owner).put("lease_token", token)
              .put("lease_until", t + leaseMs))
          .put("$inc", new JsonObject().put("version", 1));
      return mongo.updateCollectionWithOptions(StoreSchema.PAYOUTS, filter, update,
              new UpdateOptions().setMulti(true))
          .compose(done -> done.getDocModified() == 0 ? Future.succeededFuture(List.of())
              : mongo.findWithOptions(StoreSchema.PAYOUTS, new JsonObject()
                  .put("_id", new JsonObject().put("$in", ids)).put("lease_token", token),
                  new FindOptions().setSort(PRIORITY_ORDER)));
    });
  }

  private static JsonObject due(JsonArray statuses, long t) {
    return new JsonObject()
        .put("status", new JsonObject().put("$in", statuses))
        .put("next_check_at", new JsonObject().put("$lte", t))
        .put("lease_until", new JsonObject().put("$lt", t));
  }

  /**
   * Holds a payout that failed its integrity check for good: by id alone (its version, status or lease may be forged),
   * with an audit event chained to whatever history it carries. No worker claims it again.
   */
  public Future<Void> quarantine(JsonObject doc, String problem, AuditTrail.Actor actor, Instant now) {
    String status = String.valueOf(doc.getValue("status"));
    JsonObject event;
    try {
      event = AuditTrail.next(doc, actor, "integrity_violation", status, status, new JsonObject()
          .put("problem", problem), now);
    } catch (RuntimeException malformedHistory) {
      event = AuditTrail.first(actor, status, new JsonObject().put("problem", problem), now);
    }
    JsonObject filter = new JsonObject().put("_id", doc.getValue("_id"));
    JsonObject set = new JsonObject().put("$set", new JsonObject().put("hold_reason", Quarantine.REASON)
        .put("integrity_problem", problem).put("next_check_at", Long.MAX_VALUE).put("lease_until", 0L)
        .put("updated_at", now.toEpochMilli()));
    // a history that is not a list cannot take the event: the hold is written without it
    return mongo.updateCollection(StoreSchema.PAYOUTS, filter,
            set.copy().put("$push", new JsonObject().put(AuditTrail.FIELD, event)))
        .recover(err -> mongo.updateCollection(StoreSchema.PAYOUTS, filter, set))
        .mapEmpty();
  }

  /** Ends a worker's turn: frees the lease and says when to look again; lost leases are left alone. */
  public Future<Void> release(JsonObject current, String owner, Instant nextCheck) {
    JsonObject filter = new JsonObject().put("_id", current.getString("_id"))
        .put("version", current.getInteger("version")).put("lease_owner", owner);
    JsonObject update = new JsonObject().put("$set", new JsonObject().put("lease_until", 0L)
        .put("next_check_at", nextCheck.toEpochMilli()).put("version", current.getInteger("version") + 1));
    return mongo.updateCollection(StoreSchema.PAYOUTS, filter, update).mapEmpty();
  }
}
