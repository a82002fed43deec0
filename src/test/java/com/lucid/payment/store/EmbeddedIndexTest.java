package com.lucid.payment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.config.ServiceConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's indexes answer exactly what a scan would, through updates, deletes and restarts. */
class EmbeddedIndexTest {
  @TempDir Path dir;
  private Vertx vertx;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  private Store open(Path file) throws Exception {
    return Store.open(vertx, new ServiceConfig.Store(Optional.empty(), "lucid_payments", file, false))
        .await(20, TimeUnit.SECONDS);
  }

  private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
    return f.await(10, TimeUnit.SECONDS);
  }

  private static Set<String> ids(List<JsonObject> docs) {
    return docs.stream().map(d -> d.getString("_id")).collect(Collectors.toSet());
  }

  private static JsonObject payout(String id, Object status, String user, long created) {
    return new JsonObject().put("_id", id).put("status", status).put("user_id", user).put("created_at", created);
  }

  @Test
  void queriesByStatusAndUserFindWhatAScanFindsThroughUpdatesDeletesAndARestart() throws Exception {
    Path file = dir.resolve("payments.mv.db");
    Store store = open(file);
    MongoClient mongo = store.mongo();
    await(mongo.insert(StoreSchema.PAYOUTS, payout("p1", "pending", "alice", 1)));
    await(mongo.insert(StoreSchema.PAYOUTS, payout("p2", "pending", "bob", 2)));
    await(mongo.insert(StoreSchema.PAYOUTS, payout("p3", "processing", "alice", 3)));
    await(mongo.insert(StoreSchema.PAYOUTS, payout("p4", "confirmed", "alice", 4)));
    await(mongo.insert(StoreSchema.PAYOUTS, payout("p5", 7, "carol", 5))); // not a string: found by scans only
    await(mongo.insert(StoreSchema.PAYOUTS, new JsonObject().put("_id", "p6").put("created_at", 6L)));
    await(mongo.updateCollection(StoreSchema.PAYOUTS, new JsonObject().put("_id", "p2"),
        new JsonObject().put("$set", new JsonObject().put("status", "processing"))));
    await(mongo.findOneAndUpdate(StoreSchema.PAYOUTS, new JsonObject().put("_id", "p3"),
        new JsonObject().put("$set", new JsonObject().put("status", "confirmed"))));
    await(mongo.removeDocuments(StoreSchema.PAYOUTS, new JsonObject().put("_id", "p1")));

    assertFindsAsScanning(mongo);
    store.close().await(10, TimeUnit.SECONDS);

    Store reopened = open(file);
    assertFindsAsScanning(reopened.mongo());
    reopened.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void compareAndSetOnAnIdWithOtherConditionsMatchesOnlyWhenAllHold() throws Exception {
    Store store = open(dir.resolve("cas.mv.db"));
    MongoClient mongo = store.mongo();
    await(mongo.insert(StoreSchema.PAYOUTS, payout("p1", "pending", "alice", 1).put("version", 3)));
    JsonObject bump = new JsonObject().put("$inc", new JsonObject().put("version", 1));

    JsonObject stale = await(mongo.findOneAndUpdate(StoreSchema.PAYOUTS,
        new JsonObject().put("_id", "p1").put("version", 2), bump));
    JsonObject fresh = await(mongo.findOneAndUpdateWithOptions(StoreSchema.PAYOUTS,
        new JsonObject().put("_id", "p1").put("version", 3).put("status", "pending"), bump, new FindOptions(),
        new UpdateOptions().setReturningNewDocument(true)));
    long modified = await(mongo.updateCollection(StoreSchema.PAYOUTS,
        new JsonObject().put("_id", "p1").put("version", new JsonObject().put("$lt", 4)), bump)).getDocModified();

    assertNull(stale);
    assertEquals(4, fresh.getInteger("version"));
    assertEquals(0, modified);
    // a counter without room: the upsert's insert collides on _id, as LimitLedger expects
    await(mongo.insert(StoreSchema.LIMITS, new JsonObject().put("_id", "day").put("used", 90L)));
    Throwable full = assertThrows(Exception.class, () -> await(mongo.findOneAndUpdateWithOptions(StoreSchema.LIMITS,
        new JsonObject().put("_id", "day").put("used", new JsonObject().put("$lte", 50L)),
        new JsonObject().put("$inc", new JsonObject().put("used", 50L)), new FindOptions(),
        new UpdateOptions().setUpsert(true))));
    assertTrue(String.valueOf(full.getMessage()).contains("E11000"), full.getMessage());
    JsonObject room = await(mongo.findOneAndUpdateWithOptions(StoreSchema.LIMITS,
        new JsonObject().put("_id", "day").put("used", new JsonObject().put("$lte", 95L)),
        new JsonObject().put("$inc", new JsonObject().put("used", 5L)), new FindOptions(),
        new UpdateOptions().setUpsert(true).setReturningNewDocument(true)));
    assertEquals(95L, room.getLong("used"));
    store.close().await(10, TimeUnit.SECONDS);
  }

  private static void assertFindsAsScanning(MongoClient mongo) throws Exception {
    assertEquals(Set.of("p2"), ids(await(mongo.find(StoreSchema.PAYOUTS, new JsonObject().put("status", "processing")))));
    assertEquals(Set.of("p3", "p4"),
        ids(await(mongo.find(StoreSchema.PAYOUTS, new JsonObject().put("status", "confirmed")))));
    JsonObject active = new JsonObject().put("status", new JsonObject()
        .put("$in", new JsonArray().add("pending").add("processing")));
    assertEquals(Set.of("p2"), ids(await(mongo.find(StoreSchema.PAYOUTS, active))));
    assertEquals(Set.of("p5"), ids(await(mongo.find(StoreSchema.PAYOUTS, new JsonObject().put("status", 7)))));
    assertEquals(1L, await(mongo.count(StoreSchema.PAYOUTS, active)));
    assertEquals(2L, await(mongo.count(StoreSchema.PAYOUTS, new JsonObject().put("status", "confirmed"))));
    assertEquals(0L, await(mongo.count(StoreSchema.PAYOUTS, new JsonObject().put("status", "cancelled"))));
    assertEquals(6L - 1, await(mongo.count(StoreSchema.PAYOUTS, new JsonObject())));
    JsonObject alice = new JsonObject().put("user_id", "alice");
    assertEquals(List.of("p4", "p3"), await(mongo.findWithOptions(StoreSchema.PAYOUTS, alice,
        new FindOptions().setSort(new JsonObject().put("created_at", -1)).setLimit(5)))
        .stream().map(d -> d.getString("_id")).toList());
    assertEquals(1L, await(mongo.count(StoreSchema.PAYOUTS,
        new JsonObject().put("user_id", "alice").put("created_at", new JsonObject().put("$gt", 3L)))));
  }
}
