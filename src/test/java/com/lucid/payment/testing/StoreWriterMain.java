package com.lucid.payment.testing;

import com.lucid.payment.store.EmbeddedMongo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.nio.file.Path;

/**
 * A child process for the durability test: writes to the embedded store as fast as it can and prints a line for
 * every acknowledged write ("insert N" for a new document, "update N" for a counter set to N), until it is killed.
 */
public final class StoreWriterMain {
  private StoreWriterMain() {}

  public static void main(String[] args) {
    EmbeddedMongo server = EmbeddedMongo.start(Path.of(args[0]), false, 0);
    Vertx vertx = Vertx.vertx();
    MongoClient mongo = server.client(vertx, "durability");
    int concurrency = Integer.parseInt(args[1]);
    for (int lane = 0; lane < concurrency; lane++) {
      insertLoop(mongo, lane, concurrency, lane);
    }
    updateLoop(mongo, 1);
  }

  private static void insertLoop(MongoClient mongo, int lane, int lanes, long n) {
    mongo.insert("docs", new JsonObject().put("_id", "doc-" + n).put("n", n))
        .onSuccess(id -> System.out.println("insert " + n))
        .onComplete(done -> insertLoop(mongo, lane, lanes, n + lanes));
  }

  private static void updateLoop(MongoClient mongo, long n) {
    Future<JsonObject> f = mongo.findOneAndUpdateWithOptions("counters", new JsonObject().put("_id", "c"),
        new JsonObject().put("$set", new JsonObject().put("n", n)), new FindOptions(),
        new UpdateOptions().setUpsert(true));
    f.onSuccess(prev -> System.out.println("update " + n)).onComplete(done -> updateLoop(mongo, n + 1));
  }
}
