package com.lucid.payment.payout.model;

import static com.lucid.payment.payout.model.PayoutFields.*;

import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The read-only questions the engine asks of the payouts: lists, counts and tallies, each a single query. */
public final class PayoutLookups {
  private final MongoClient mongo;

  public PayoutLookups(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** Which payouts a list shows: empty parts do not filter; {@code createdBefore} is exclusive. */
  public record Filter(Optional<String> userId, Optional<PayoutStatus> status, Optional<RouterType> router,
      Optional<Instant> createdFrom, Optional<Instant> createdBefore) {
    JsonObject query() {
      JsonObject q = new JsonObject();
      userId.ifPresent(u -> q.put(USER_ID, u));
      status.ifPresent(s -> q.put(STATUS, s.api()));
      router.ifPresent(r -> q.put(ROUTER, r.name()));
      JsonObject created = new JsonObject();
      createdFrom.ifPresent(t -> created.put("$gte", t.toEpochMilli()));
      createdBefore.ifPresent(t -> created.put("$lt", t.toEpochMilli()));
      if (!created.isEmpty()) {
        q.put(CREATED_AT, created);
      }
      return q;
    }
  }

  /** A payout's status and amount, as tallied. */
  public record Tallied(PayoutStatus status, RouterType router, long amount) {}

  /** Newest first, as GET /payouts pages them. */
  public Future<List<Payout>> list(Filter filter, int offset, int limit) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put(CREATED_AT, -1).put(ID, -1))
        .setSkip(offset).setLimit(limit);
    return mongo.findWithOptions(StoreSchema.PAYOUTS, filter.query(), options)
        .map(docs -> docs.stream().map(PayoutDocuments::fromStored).toList());
  }

  public Future<Long> count(Filter filter) {
    return mongo.count(StoreSchema.PAYOUTS, filter.query());
  }

  public Future<Long> count(PayoutStatus status) {
    return mongo.count(StoreSchema.PAYOUTS, new JsonObject().put(STATUS, status.api()));
  }

  /** What the payouts in processing will take from the wallet, in base units. */
  public Future<Long> committedInProcessing() {
    return mongo.findWithOptions(StoreSchema.PAYOUTS, new JsonObject().put(STATUS, PayoutStatus.PROCESSING.api()),
        new FindOptions().setFields(new JsonObject().put(AMOUNT, 1)))
        .map(docs -> docs.stream().mapToLong(d -> d.getLong(AMOUNT)).reduce(0L, Math::addExact));
  }

  /** How many payouts that are not final hold each reason (only those asked about, zero when none does). */
  /** How many live payouts wait with a reason, and how long past its release the longest-waiting one has. */
  public record Held(long count, long oldestWaitMs) {}

  public Future<Map<HoldReason, Held>> held(Collection<HoldReason> reasons, Instant now) {
    JsonArray live = new JsonArray();
    for (PayoutStatus s : PayoutStatus.values()) {
      if (!s.terminal()) {
        live.add(s.api());
      }
    }
    JsonObject query = new JsonObject().put(STATUS, new JsonObject().put("$in", live)).put(HOLD_REASON,
        new JsonObject().put("$in", new JsonArray(reasons.stream().map(HoldReason::stored).toList())));
    return mongo.findWithOptions(StoreSchema.PAYOUTS, query, new FindOptions().setFields(new JsonObject()
        .put(HOLD_REASON, 1).put(CREATED_AT, 1).put(RELEASE_AT, 1))).map(docs -> {
          Map<HoldReason, Held> held = new EnumMap<>(HoldReason.class);
          reasons.forEach(r -> held.put(r, new Held(0, 0)));
          for (JsonObject d : docs) {
            long due = Math.max(d.getLong(CREATED_AT, 0L), d.getLong(RELEASE_AT, 0L));
            long waited = Math.max(0, now.toEpochMilli() - due);
            HoldReason.fromStored(d.getString(HOLD_REASON)).ifPresent(r -> held.merge(r, new Held(1, waited),
                (a, b) -> new Held(a.count() + b.count(), Math.max(a.oldestWaitMs(), b.oldestWaitMs()))));
          }
          return held;
        });
  }

  /** Status, router and amount of every payout created since {@code from}, of one router or all. */
  public Future<List<Tallied>> createdSince(Instant from, Optional<RouterType> router) {
    JsonObject query = new JsonObject().put(CREATED_AT, new JsonObject().put("$gte", from.toEpochMilli()));
    router.ifPresent(r -> query.put(ROUTER, r.name()));
    FindOptions fields = new FindOptions().setFields(new JsonObject().put(STATUS, 1).put(AMOUNT, 1).put(ROUTER, 1));
    return mongo.findWithOptions(StoreSchema.PAYOUTS, query, fields).map(docs -> docs.stream()
        .map(d -> new Tallied(status(d), RouterType.valueOf(d.getString(ROUTER)), d.getLong(AMOUNT))).toList());
  }

  /** Counts and amounts per status of a batch's payouts. */
  public Future<StatusTally> tallyOfBatch(String batchId) {
    return mongo.findWithOptions(StoreSchema.PAYOUTS, new JsonObject().put(BATCH_ID, batchId),
        new FindOptions().setFields(new JsonObject().put(STATUS, 1).put(AMOUNT, 1))).map(docs -> {
          StatusTally tally = new StatusTally();
          docs.forEach(d -> tally.add(status(d), d.getLong(AMOUNT)));
          return tally;
        });
  }

  /** The ids of a batch's payouts that exist. */
  public Future<Set<String>> idsOfBatch(String batchId) {
    return mongo.findWithOptions(StoreSchema.PAYOUTS, new JsonObject().put(BATCH_ID, batchId),
        new FindOptions().setFields(new JsonObject().put(ID, 1)))
        .map(docs -> docs.stream().map(d -> d.getString(ID)).collect(Collectors.toSet()));
  }

  public Future<Long> countOfBatch(String batchId) {
    return mongo.count(StoreSchema.PAYOUTS, new JsonObject().put(BATCH_ID, batchId));
  }

  /** A payout's status and, once confirmed, its transaction. */
  public record Outcome(PayoutStatus status, Optional<String> txid) {}

  /** Per payout id, the outcome of a batch's payouts. */
  public Future<Map<String, Outcome>> outcomesOfBatch(String batchId) {
    return mongo.findWithOptions(StoreSchema.PAYOUTS, new JsonObject().put(BATCH_ID, batchId),
        new FindOptions().setFields(new JsonObject().put(STATUS, 1).put(TXID, 1))).map(docs -> {
          Map<String, Outcome> byId = new HashMap<>();
          docs.forEach(d -> byId.put(d.getString(ID), new Outcome(status(d), Optional.ofNullable(d.getString(TXID)))));
          return byId;
        });
  }

  /** Whether any payout but {@code payoutId} names the txid, as its transaction or as one of its attempts'. */
  public Future<Boolean> txidOfAnother(String txid, String payoutId) {
    JsonObject query = new JsonObject().put(ID, new JsonObject().put("$ne", payoutId))
        .put("$or", new JsonArray().add(new JsonObject().put(TXID, txid))
            .add(new JsonObject().put(ATTEMPTS + "." + AttemptFields.TXID, txid)));
    return mongo.count(StoreSchema.PAYOUTS, query).map(n -> n > 0);
  }

  private static PayoutStatus status(JsonObject doc) {
    return PayoutStatus.fromApi(doc.getString(STATUS)).orElseThrow();
  }
}
