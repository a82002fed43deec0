package com.lucid.payment.payout.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.testing.EmbeddedStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A taken unique key is told by the driver's error code, for single and bulk writes, and nothing else is. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class DuplicateKeyTest {
  @RegisterExtension static final EmbeddedStore STORE = new EmbeddedStore();
  private static final String COLLECTION = "payout_key_test";

  @Test
  void anInsertOfATakenIdIsADuplicateKey(Vertx vertx, VertxTestContext ctx) {
    STORE.connect(vertx).compose(mongo -> mongo.insert(COLLECTION, new JsonObject().put("_id", "k"))
        .compose(id -> mongo.insert(COLLECTION, new JsonObject().put("_id", "k"))))
        .onComplete(ctx.failing(err -> ctx.verify(() -> {
          assertTrue(DuplicateKey.is(err), String.valueOf(err));
          ctx.completeNow();
        })));
  }

  @Test
  void aBulkInsertWhoseOnlyErrorsAreTakenIdsIsADuplicateKey(Vertx vertx, VertxTestContext ctx) {
    STORE.connect(vertx).compose(mongo -> mongo.insert(COLLECTION, new JsonObject().put("_id", "a"))
        .compose(id -> bulk(mongo, "a", "b"))).onComplete(ctx.failing(err -> ctx.verify(() -> {
          assertTrue(DuplicateKey.is(err), String.valueOf(err));
          ctx.completeNow();
        })));
  }

  @Test
  void anotherFailureIsNot(Vertx vertx, VertxTestContext ctx) {
    STORE.connect(vertx).compose(mongo -> mongo.updateCollection(COLLECTION, new JsonObject(),
        new JsonObject().put("$frobnicate", new JsonObject().put("x", 1)))).onComplete(ctx.failing(err ->
        ctx.verify(() -> {
          assertFalse(DuplicateKey.is(err), String.valueOf(err));
          assertFalse(DuplicateKey.is(new IllegalStateException("E11000 duplicate key error")), "never by its text");
          ctx.completeNow();
        })));
  }

  private static io.vertx.core.Future<Void> bulk(MongoClient mongo, String... ids) {
    List<BulkOperation> inserts = java.util.Arrays.stream(ids)
        .map(id -> BulkOperation.createInsert(new JsonObject().put("_id", id))).toList();
    return mongo.bulkWriteWithOptions(COLLECTION, inserts, new BulkWriteOptions(false)).mapEmpty();
  }
}
