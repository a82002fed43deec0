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
  void dueQueriesOnTheCheckTimeFindWhatAScanFindsThroughUpdatesAndARestart() throws Exception {
    Path file = dir.resolve("due.mv.db");
    Store store = open(file);
    MongoClient mongo = store.mongo();
    for (int i = 1; i <= 6; i++) {
      await(mongo.insert(StoreSchema.PAYOUTS, payout("p" + i, i % 2 == 0 ? "processing" : "pending", "u", i)
          .put("next_check_at", 1_000L * i)));
    }
    await(mongo.insert(StoreSchema.PAYOUTS, payout("p7", "pending", "u", 7))); // no check time: never due
    await(mongo.insert(StoreSchema.PAYOUTS, payout("p8", "pending", "u", 8).put("next_check_at", 1.5))); // odd kind
    await(mongo.updateCollection(StoreSchema.PAYOUTS, new JsonObject().put("_id", "p5"),
        new JsonObject().put("$set", new JsonObject().put("next_check_at", 500L))));
    await(mongo.updateCollection(StoreSchema.PAYOUTS, new JsonObject().put("_id", "p1"),
        new JsonObject().put("$set", new JsonObject().put("next_check_at", 9_000L))));

    assertDue(mongo);
    store.close().await(10, TimeUnit.SECONDS);
    Store reopened = open(file);
    assertDue(reopened.mongo());
    reopened.close().await(10, TimeUnit.SECONDS);
  }

  private static void assertDue(MongoClient mongo) throws Exception {
    JsonObject due = new JsonObject().put("status", new JsonObject().put("$in", new JsonArray().add("pending")))
        .put("next_check_at", new JsonObject().put("$lte", 3_000L));
    assertEquals(List.of("p8", "p5", "p3"), await(mongo.findWithOptions(StoreSchema.PAYOUTS, due,
        new FindOptions().setSort(new JsonObject().put("next_check_at", 1)))).stream().map(d -> d.getString("_id"))
        .toList());
    assertEquals(Set.of("p4", "p6"), ids(await(mongo.find(StoreSchema.PAYOUTS, new JsonObject()
        .put("next_check_at", new JsonObject().put("$gt", 3_000L).put("$lt", 9_000L))))));
    assertEquals(Set.of("p2", "p3", "p4", "p5", "p8"), ids(await(mongo.find(StoreSchema.PAYOUTS, new JsonObject()
        .put("next_check_at", new JsonObject().put("$lt", 4_001)))))); // an int bound, as a driver may send
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

  @Test
  void aFileWrittenByTheStockH2BackendOpensAndKeepsItsDocumentsAndIds() throws Exception {
    Path file = dir.resolve("stock.mv.db");
    de.bwaldvogel.mongo.MongoServer stock = new de.bwaldvogel.mongo.MongoServer(
        new de.bwaldvogel.mongo.backend.h2.H2Backend(file.toString()));
    java.net.InetSocketAddress address = stock.bind();
    MongoClient old = MongoClient.create(vertx, Store.clientConfig("mongodb://127.0.0.1:" + address.getPort(),
        "lucid_payments"));
    await(old.insert(StoreSchema.PAYOUTS, payout("p1", "pending", "alice", 1)
        .put("attempts", new JsonArray().add(new JsonObject().put("n", 1).put("fee_sun", 13_028_500L)))));
    await(old.insert(StoreSchema.PAYOUTS, payout("p2", "confirmed", "bob", 2)));
    await(old.close());
    stock.shutdownNow();

    Store store = open(file);
    MongoClient mongo = store.mongo();
    JsonObject p1 = await(mongo.findOne(StoreSchema.PAYOUTS, new JsonObject().put("_id", "p1"), null));
    Throwable duplicate = assertThrows(Exception.class,
        () -> await(mongo.insert(StoreSchema.PAYOUTS, payout("p2", "pending", "carol", 3))));
    await(mongo.updateCollection(StoreSchema.PAYOUTS, new JsonObject().put("_id", "p1").put("status", "pending"),
        new JsonObject().put("$set", new JsonObject().put("status", "processing"))));
    await(mongo.insert(StoreSchema.PAYOUTS, payout("p3", "pending", "carol", 3)));
    store.close().await(10, TimeUnit.SECONDS);

    Store reopened = open(file);
    MongoClient again = reopened.mongo();
    assertEquals(13_028_500L, p1.getJsonArray("attempts").getJsonObject(0).getLong("fee_sun"));
    assertTrue(String.valueOf(duplicate.getMessage()).contains("E11000"), duplicate.getMessage());
    assertEquals(Set.of("p1"), ids(await(again.find(StoreSchema.PAYOUTS, new JsonObject().put("status", "processing")))));
    assertEquals(Set.of("p1", "p2", "p3"), ids(await(again.find(StoreSchema.PAYOUTS, new JsonObject()))));
    assertEquals("bob", await(again.findOne(StoreSchema.PAYOUTS, new JsonObject().put("_id", "p2"), null))
        .getString("user_id"));
    reopened.close().await(10, TimeUnit.SECONDS);
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
