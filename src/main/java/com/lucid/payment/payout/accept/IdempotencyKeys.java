package com.lucid.payment.payout.accept;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.payout.model.DuplicateKey;
import com.lucid.payment.store.StoreSchema;
import com.lucid.payment.tron.chain.Hashes;
import com.lucid.payment.tron.chain.Hex;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.MongoClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Idempotency records, one per (user, Idempotency-Key), unique by _id: the first request inserts it "in flight" with
 * the payout id it will create and the hash of its body; a repeat finds it. A payout's claim is finished by the
 * payout existing (nothing else is written); a batch's is marked done. A claim whose payout never came to exist
 * (a crash in between) is taken over after {@link #STALE_MS}, reusing the same payout id, so a retry can never create
 * a second payout.
 */
public final class IdempotencyKeys {
  public static final long STALE_MS = 30_000;
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final MongoClient mongo;

  public IdempotencyKeys(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** A request's claim on its key. */
  public record Claim(String id, String requestHash, String payoutId, boolean done, long updatedAt) {}

  /** The Idempotency-Key of a create message: 1 to 255 visible ASCII characters, or the request is refused. */
  public static String keyOf(JsonObject message) {
    String key = message.getString("idempotency_key");
    if (key == null || !KEY.matcher(key).matches()) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "Idempotency-Key must be 1 to 255 visible ASCII characters");
    }
    return key;
  }

  /** The refusal of a request whose key's first request is still being accepted. */
  public static ApiFailure inFlight() {
    return new ApiFailure(ErrorCode.IDEMPOTENCY_IN_FLIGHT,
        "a request with this Idempotency-Key is still being processed; retry shortly");
  }

  public static String recordId(String userId, String key) {
    return Hex.encode(Hashes.sha256((userId + "\n" + key).getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonObject record(Claim claim) {
    return new JsonObject().put("_id", claim.id()).put("request_hash", claim.requestHash())
        .put("payout_id", claim.payoutId()).put("state", "in_flight").put("updated_at", claim.updatedAt());
  }

  /** Inserts the in-flight record; false when the key is already taken (the caller then reads it). */
  public Future<Boolean> tryClaim(Claim claim) {
    return mongo.insert(StoreSchema.IDEMPOTENCY, record(claim)).map(id -> true)
        .recover(err -> DuplicateKey.is(err) ? Future.succeededFuture(false) : Future.failedFuture(err));
  }

  /**
   * Inserts many in-flight records in one write; for each claim, whether it is now this claim's. When the write
   * fails as a whole or in part (a key already taken), each record is read back: a claim is ours exactly when its
   * record names our payout id, as payout ids are never reused.
   */
  Future<List<Boolean>> tryClaimAll(List<Claim> claims) {
    List<BulkOperation> inserts = claims.stream().map(c -> BulkOperation.createInsert(record(c))).toList();
    return mongo.bulkWriteWithOptions(StoreSchema.IDEMPOTENCY, inserts, new BulkWriteOptions(false))
        .map(done -> claims.stream().map(c -> true).toList())
        .recover(err -> {
          List<Future<Boolean>> mine = claims.stream()
              .map(c -> find(c.id()).map(found -> found.filter(f -> f.payoutId().equals(c.payoutId())).isPresent()))
              .toList();
          return Future.all(mine).map(all -> mine.stream().map(Future::result).toList());
        });
  }

  public Future<Optional<Claim>> find(String id) {
    return mongo.findOne(StoreSchema.IDEMPOTENCY, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(d -> new Claim(d.getString("_id"), d.getString("request_hash"),
            d.getString("payout_id"), "done".equals(d.getString("state")), d.getLong("updated_at", 0L))));
  }

  /** Takes over a stale in-flight record (compare-and-set on its timestamp); false if someone else did. */
  public Future<Boolean> takeOver(Claim stale, Instant now) {
    JsonObject filter = new JsonObject().put("_id", stale.id()).put("updated_at", stale.updatedAt())
        .put("state", "in_flight");
    JsonObject update = new JsonObject().put("$set", new JsonObject().put("updated_at", now.toEpochMilli()));
    return mongo.updateCollection(StoreSchema.IDEMPOTENCY, filter, update).map(r -> r.getDocModified() == 1);
  }

  public Future<Void> markDone(String id) {
    return mongo.updateCollection(StoreSchema.IDEMPOTENCY, new JsonObject().put("_id", id),
        new JsonObject().put("$set", new JsonObject().put("state", "done"))).mapEmpty();
  }

  /** Forgets a claim whose request was refused (e.g. over a limit) so the same key can be used again. */
  public Future<Void> forget(Claim claim) {
    return mongo.removeDocuments(StoreSchema.IDEMPOTENCY, new JsonObject().put("_id", claim.id())
        .put("payout_id", claim.payoutId())).mapEmpty();
  }
}
