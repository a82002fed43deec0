package com.lucid.payment.payout.model;

import static com.lucid.payment.payout.model.PayoutFields.*;

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
  private static final JsonObject PRIORITY_ORDER = new JsonObject().put(PRIORITY_RANK, -1).put(CREATED_AT, 1);
  private final MongoClient mongo;
  /** Numbers this instance's claims, so that each claim's token names exactly the payouts it leased. */
  private final AtomicLong claims = new AtomicLong();

  public PayoutRepository(MongoClient mongo) {
    this.mongo = mongo;
  }

  public Future<Void> insert(Payout payout) {
    return mongo.insert(StoreSchema.PAYOUTS, PayoutDocuments.toStored(payout)).mapEmpty();
  }

  /** Inserts payouts in one unordered write; fails with the store's error when any of them did not land. */
  public Future<Void> insertUnordered(List<Payout> payouts) {
    List<BulkOperation> inserts = payouts.stream().map(p -> BulkOperation.createInsert(PayoutDocuments.toStored(p)))
        .toList();
    return mongo.bulkWriteWithOptions(StoreSchema.PAYOUTS, inserts, new BulkWriteOptions(false)).mapEmpty();
  }

  /**
   * Inserts many payouts in one write; each comes back if it is stored. When the write fails, which ones landed is
   * read back; a payout that did not land fails with the write's error (its outcome was unknown to the write).
   */
  public Future<List<Future<Payout>>> insertAll(List<Payout> payouts) {
    return insertUnordered(payouts).map(done -> payouts.stream().map(Future::succeededFuture).toList())
        .recover(err -> {
          List<Future<Payout>> landed = payouts.stream().map(p -> findStored(p.id())
              .compose(found -> found.isPresent() ? Future.succeededFuture(p) : Future.<Payout>failedFuture(err)))
              .toList();
          return Future.join(landed).transform(v -> Future.succeededFuture(landed));
        });
  }

  public Future<Optional<Payout>> find(String id) {
    return findStored(id).map(found -> found.map(PayoutDocuments::fromStored));
  }

  /** The document as stored, for the checks that must see exactly what the store holds (seals, history). */
  public Future<Optional<JsonObject>> findStored(String id) {
    return mongo.findOne(StoreSchema.PAYOUTS, new JsonObject().put(ID, id), null).map(Optional::ofNullable);
  }

  /**
   * Applies the change if the payout is still at the version it was read at (and, for a worker, still leased to
   * it). Empty when someone else changed it first: the caller re-reads and decides again, never overwrites.
   */
  public Future<Optional<Payout>> apply(Payout current, Change change, Actor actor, Instant now, String leaseOwner) {
    return mongo.findOneAndUpdateWithOptions(StoreSchema.PAYOUTS, casFilter(current, leaseOwner),
        change.update(current, actor, now), new FindOptions(), new UpdateOptions().setReturningNewDocument(true))
        .map(doc -> Optional.ofNullable(doc).map(PayoutDocuments::fromStored));
  }

  /**
   * The same compare-and-set as {@link #apply}, for a write after which the caller only needs to know whether it
   * won: the payout is not sent back. False when someone else changed it first.
   */
  public Future<Boolean> applyLast(Payout current, Change change, Actor actor, Instant now, String leaseOwner) {
    return mongo.updateCollection(StoreSchema.PAYOUTS, casFilter(current, leaseOwner),
        change.update(current, actor, now)).map(done -> done.getDocMatched() == 1);
  }

  private static JsonObject casFilter(Payout current, String leaseOwner) {
    JsonObject filter = new JsonObject().put(ID, current.id()).put(VERSION, current.state().version());
    if (leaseOwner != null) {
      filter.put(LEASE_OWNER, leaseOwner);
    }
    return filter;
  }

  /**
   * Claims up to {@code limit} payouts that are due (not terminal, check time reached, lease free or expired),
   * highest priority and oldest first, in three round trips whatever the count: the candidates, one update that
   * leases those still due under a token of this claim, and a read of what that token holds. Each document's update
   * is atomic and re-checks the lease, so two workers never hold one payout. They come back as stored: nothing they
   * say is acted on before their seals are checked.
   */
  public Future<List<JsonObject>> claimDue(String owner, Instant now, long leaseMs, PayoutStatus status, int limit) {
    long t = now.toEpochMilli();
    FindOptions options = new FindOptions().setSort(PRIORITY_ORDER).setLimit(limit)
        .setFields(new JsonObject().put(ID, 1));
    return mongo.findWithOptions(StoreSchema.PAYOUTS, due(status, t), options).compose(candidates -> {
      if (candidates.isEmpty()) {
        return Future.succeededFuture(List.of());
      }
      JsonArray ids = new JsonArray(candidates.stream().map(c -> c.getValue(ID)).toList());
      String token = owner + "-" + claims.incrementAndGet();
      JsonObject filter = due(status, t).put(ID, new JsonObject().put("$in", ids));
      JsonObject update = new JsonObject()
          .put("$set", new JsonObject().put(LEASE_OWNER, owner).put(LEASE_TOKEN, token).put(LEASE_UNTIL, t + leaseMs))
          .put("$inc", new JsonObject().put(VERSION, 1));
      return mongo.updateCollectionWithOptions(StoreSchema.PAYOUTS, filter, update,
              new UpdateOptions().setMulti(true))
          .compose(done -> done.getDocModified() == 0 ? Future.succeededFuture(List.of())
              : mongo.findWithOptions(StoreSchema.PAYOUTS, new JsonObject()
                  .put(ID, new JsonObject().put("$in", ids)).put(LEASE_TOKEN, token),
                  new FindOptions().setSort(PRIORITY_ORDER)));
    });
  }

  private static JsonObject due(PayoutStatus status, long t) {
    return new JsonObject()
        .put(STATUS, new JsonObject().put("$in", new JsonArray().add(status.api())))
        .put(NEXT_CHECK_AT, new JsonObject().put("$lte", t))
        .put(LEASE_UNTIL, new JsonObject().put("$lt", t));
  }

  /**
   * Holds a payout that failed its integrity check for good: by id alone (its version, status or lease may be forged),
   * with an audit event chained to whatever history it carries. No worker claims it again.
   */
  public Future<Void> quarantine(JsonObject stored, String problem, Actor actor, Instant now) {
    String status = String.valueOf(stored.getValue(STATUS));
    JsonObject detail = new JsonObject().put("problem", problem);
    String action = AuditAction.INTEGRITY_VIOLATION.stored();
    JsonObject event;
    try {
      event = AuditEvent.afterStored(stored.getJsonArray(AUDIT, new JsonArray()), actor, action, status, status,
          detail, now).toStored();
    } catch (RuntimeException malformedHistory) {
      event = AuditEvent.created(actor, status, detail, now).toStored();
    }
    JsonObject filter = new JsonObject().put(ID, stored.getValue(ID));
    JsonObject set = new JsonObject().put("$set", new JsonObject().put(HOLD_REASON, HoldReason.INTEGRITY_VIOLATION
        .stored()).put(INTEGRITY_PROBLEM, problem).put(NEXT_CHECK_AT, Long.MAX_VALUE).put(LEASE_UNTIL, 0L)
        .put(UPDATED_AT, now.toEpochMilli()));
    // a history that is not a list cannot take the event: the hold is written without it
    return mongo.updateCollection(StoreSchema.PAYOUTS, filter,
            set.copy().put("$push", new JsonObject().put(AUDIT, event)))
        .recover(err -> mongo.updateCollection(StoreSchema.PAYOUTS, filter, set))
        .mapEmpty();
  }

  /** Ends a worker's turn: frees the lease and says when to look again; lost leases are left alone. */
  public Future<Void> release(Payout current, String owner, Instant nextCheck) {
    int version = current.state().version();
    JsonObject filter = new JsonObject().put(ID, current.id()).put(VERSION, version).put(LEASE_OWNER, owner);
    JsonObject update = new JsonObject().put("$set", new JsonObject().put(LEASE_UNTIL, 0L)
        .put(NEXT_CHECK_AT, nextCheck.toEpochMilli()).put(VERSION, version + 1));
    return mongo.updateCollection(StoreSchema.PAYOUTS, filter, update).mapEmpty();
  }
}
