package com.lucid.payment.payout.batch;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.audit.PayoutSealer;
import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.limits.SafetyBreaker;
import com.lucid.payment.payout.model.AuditTrail;
import com.lucid.payment.payout.model.BatchType;
import com.lucid.payment.payout.model.NewPayout;
import com.lucid.payment.payout.model.PayoutDocs;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.Priority;
import com.lucid.payment.payout.model.RouterType;
import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accepts a validated batch without transactions, in an order a crash cannot break: reserve each router's total in
 * its limit windows at once, store the batch document (items and payout ids fixed), then write the payouts that do
 * not exist yet, then mark the batch accepted. Finishing a batch again only writes what is missing.
 */
public final class BatchAcceptance {
  private static final int INSERT_CHUNK = 500;

  private final MongoClient mongo;
  private final Batches batches;
  private final LimitLedger limits;
  private final SafetyBreaker breaker;
  private final ServiceConfig.Payouts config;
  private final PayoutMetrics metrics;
  private final PayoutSealer sealer;

  public BatchAcceptance(MongoClient mongo, Batches batches, LimitLedger limits, SafetyBreaker breaker,
      ServiceConfig.Payouts config, PayoutMetrics metrics, PayoutSealer sealer) {
    this.mongo = mongo;
    this.batches = batches;
    this.limits = limits;
    this.breaker = breaker;
    this.config = config;
    this.metrics = metrics;
    this.sealer = sealer;
  }

  /**
   * Checks the breaker, reserves, and stores the batch accepting. Fails with CIRCUIT_OPEN or LIMIT_EXCEEDED having
   * stored and reserved nothing. When a batch with this id exists already, that one is returned (reserved once).
   */
  public Future<JsonObject> stage(String batchId, BatchOrder order, List<String> payoutIds, Batches.Origin origin,
      Instant now) {
    return breaker.read(now).compose(b -> b.allowsSigning()
        ? reserveAll(new ArrayList<>(order.totalsByRouter().entrySet()), 0, now, new EnumMap<>(RouterType.class))
        : Future.failedFuture(new ApiFailure(ErrorCode.CIRCUIT_OPEN,
            "payouts are suspended: the payout circuit breaker is open", b.toJson())))
        .compose(reserved -> {
          Instant releaseAt = order.batchType().releaseAt(now, config.batches().monthlyAnchorDay());
          JsonObject doc = Batches.newBatch(batchId, order, payoutIds, origin, reserved, now, releaseAt);
          // a failed insert keeps the reservation: its outcome is unknown, and over-reserving is the safe side
          return batches.insert(doc).map(v -> doc).recover(err -> LimitLedger.isDuplicateKey(err)
              ? releaseAll(reserved, order.totalsByRouter()).compose(v -> batches.find(batchId))
                  .map(Optional::orElseThrow)
              : Future.failedFuture(err));
        });
  }

  private Future<Map<RouterType, List<String>>> reserveAll(List<Map.Entry<RouterType, Long>> totals, int i,
      Instant now, Map<RouterType, List<String>> done) {
    if (i == totals.size()) {
      return Future.succeededFuture(done);
    }
    RouterType router = totals.get(i).getKey();
    return limits.reserve(limits.windows(router, now), totals.get(i).getValue())
        .recover(err -> releaseAll(done, Map.copyOf(totalsOf(totals))).compose(v -> Future.failedFuture(err)))
        .compose(keys -> {
          done.put(router, keys);
          return reserveAll(totals, i + 1, now, done);
        });
  }

  private static Map<RouterType, Long> totalsOf(List<Map.Entry<RouterType, Long>> totals) {
    Map<RouterType, Long> map = new EnumMap<>(RouterType.class);
    totals.forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  private Future<Void> releaseAll(Map<RouterType, List<String>> reserved, Map<RouterType, Long> totals) {
    List<Future<Void>> all = new ArrayList<>();
    reserved.forEach((router, keys) -> all.add(limits.release(keys, totals.get(router))));
    return Future.join(all).mapEmpty();
  }

  /** Writes the payouts that do not exist yet, checks that all do, and marks the batch accepted. */
  public Future<JsonObject> complete(JsonObject batch, Instant now) {
    if (Batches.ACCEPTED.equals(batch.getString("state"))) {
      return Future.succeededFuture(batch);
    }
    String id = batch.getString("_id");
    JsonObject ofBatch = new JsonObject().put("batch_id", id);
    return mongo.findWithOptions(StoreSchema.PAYOUTS, ofBatch, new FindOptions().setFields(new JsonObject()
        .put("_id", 1))).compose(found -> {
          Set<String> existing = new HashSet<>();
          found.forEach(d -> existing.add(d.getString("_id")));
          List<JsonObject> missing = new ArrayList<>();
          for (Object o : batch.getJsonArray("items")) {
            JsonObject item = (JsonObject) o;
            if (!existing.contains(item.getString("payout_id"))) {
              missing.add(payoutOf(batch, item));
            }
          }
          return insertFrom(missing, 0);
        })
        .compose(v -> mongo.count(StoreSchema.PAYOUTS, ofBatch))
        .compose(count -> {
          if (count != batch.getInteger("total_payouts").longValue()) {
            return Future.failedFuture(new ApiFailure(ErrorCode.UNAVAILABLE, "batch " + id + " is being written ("
                + count + " of " + batch.getInteger("total_payouts") + " payouts); retry"));
          }
          return batches.markAccepted(id, now).map(x -> batch.copy().put("state", Batches.ACCEPTED));
        });
  }

  private JsonObject payoutOf(JsonObject batch, JsonObject item) {
    NewPayout payout = BatchItems.fromItem(item, Priority.valueOf(batch.getString("priority")),
        BatchType.valueOf(batch.getString("batch_type")));
    List<String> keys = batch.getJsonObject("limit_keys").getJsonArray(payout.router().name(), new JsonArray())
        .stream().map(String::valueOf).toList();
    AuditTrail.Actor actor = new AuditTrail.Actor(batch.getString("user_id"), batch.getString("request_id"));
    return PayoutDocs.newPayout(item.getString("payout_id"), payout, batch.getString("user_id"),
            batch.getString("creator_role"), batch.getString("request_id"), keys,
            Instant.ofEpochMilli(batch.getLong("created_at")), Instant.ofEpochMilli(batch.getLong("release_at")), actor,
            sealer)
        .put("batch_id", batch.getString("_id"));
  }

  /** Unordered bulk inserts, a chunk at a time; a payout that exists already (a racing finisher) is not an error. */
  private Future<Void> insertFrom(List<JsonObject> docs, int from) {
    if (from >= docs.size()) {
      return Future.succeededFuture();
    }
    List<JsonObject> chunk = docs.subList(from, Math.min(docs.size(), from + INSERT_CHUNK));
    List<BulkOperation> inserts = chunk.stream().map(BulkOperation::createInsert).toList();
    return mongo.bulkWriteWithOptions(StoreSchema.PAYOUTS, inserts, new BulkWriteOptions(false))
        .<Void>mapEmpty()
        .recover(err -> LimitLedger.isDuplicateKey(err) ? Future.succeededFuture() : Future.failedFuture(err))
        .onSuccess(v -> chunk.forEach(d -> metrics.requested(d, "accepted")))
        .compose(v -> insertFrom(docs, from + INSERT_CHUNK));
  }
}
