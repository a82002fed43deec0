package com.lucid.payment.payout.distribution;

import com.lucid.payment.payout.model.DuplicateKey;
import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rollovers (payout_rollovers): a net amount held below the distribution minimum, one document per (period,
 * recipient), consumed exactly once by the first later period submitted with that recipient. Consuming is a
 * compare-and-set of consumed_by from null to the consuming period, so it is idempotent for that period and
 * impossible for any other.
 */
final class RolloverLedger {
  private final MongoClient mongo;

  RolloverLedger(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** Per recipient, the rollovers of earlier periods that the period may consume (free, or already its own). */
  Future<Map<String, List<Rollover>>> available(Set<String> recipients, String period) {
    JsonObject query = new JsonObject()
        .put("recipient", new JsonObject().put("$in", new JsonArray(List.copyOf(recipients))))
        .put("period", new JsonObject().put("$lt", period))
        .put("$or", new JsonArray().add(new JsonObject().put("consumed_by", (Object) null))
            .add(new JsonObject().put("consumed_by", period)));
    return mongo.find(StoreSchema.ROLLOVERS, query).map(docs -> {
      Map<String, List<Rollover>> byRecipient = new HashMap<>();
      docs.stream().map(Rollover::fromStored).sorted(Comparator.comparing(Rollover::id))
          .forEach(r -> byRecipient.computeIfAbsent(r.recipient(), k -> new ArrayList<>()).add(r));
      return byRecipient;
    });
  }

  /** Marks each rollover consumed by the period; false when another period took one first. */
  Future<Boolean> claim(List<String> ids, String period) {
    List<Future<Boolean>> claims = new ArrayList<>();
    for (String id : ids) {
      JsonObject free = new JsonObject().put("_id", id).put("consumed_by", (Object) null);
      claims.add(mongo.updateCollection(StoreSchema.ROLLOVERS, free,
              new JsonObject().put("$set", new JsonObject().put("consumed_by", period)))
          .compose(r -> r.getDocModified() == 1 ? Future.succeededFuture(true)
              : mongo.findOne(StoreSchema.ROLLOVERS, new JsonObject().put("_id", id), null)
                  .map(d -> d != null && period.equals(d.getString("consumed_by")))));
    }
    return Future.all(claims).map(all -> claims.stream().allMatch(Future::result));
  }

  /** Gives the period's claims on these rollovers back (a refused or superseded plan). */
  Future<Void> release(List<String> ids, String period) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    JsonObject mine = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(List.copyOf(ids))))
        .put("consumed_by", period);
    return mongo.updateCollectionWithOptions(StoreSchema.ROLLOVERS, mine,
        new JsonObject().put("$set", new JsonObject().put("consumed_by", (Object) null)),
        new UpdateOptions().setMulti(true)).mapEmpty();
  }

  /** Stores the period's rolled-over lines; those stored already (a resumed period) are left as they are. */
  Future<Void> create(String period, List<DistributionLine> rolled, Instant now) {
    if (rolled.isEmpty()) {
      return Future.succeededFuture();
    }
    List<BulkOperation> inserts = rolled.stream().map(l -> BulkOperation.createInsert(new Rollover(
        Rollover.id(period, l.recipient()), l.recipient(), period, l.net(), null, now.toEpochMilli()).toStored()))
        .toList();
    return mongo.bulkWriteWithOptions(StoreSchema.ROLLOVERS, inserts, new BulkWriteOptions(false)).<Void>mapEmpty()
        .recover(err -> DuplicateKey.is(err) ? Future.succeededFuture() : Future.failedFuture(err));
  }
}
