package com.lucid.payment.testing;

import com.lucid.payment.store.EmbeddedMongo;
import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real store for a component test: the MongoDB driver against the embedded server, one server per test class
 * ({@code @RegisterExtension static}), emptied and indexed again for each test by {@link #connect}.
 */
public final class EmbeddedStore implements BeforeAllCallback, AfterAllCallback {
  private static final List<String> COLLECTIONS = List.of(StoreSchema.PAYOUTS, StoreSchema.IDEMPOTENCY,
      StoreSchema.LIMITS, StoreSchema.STATE, StoreSchema.BATCHES, StoreSchema.DISTRIBUTIONS, StoreSchema.ROLLOVERS);
  private Path dir;
  private EmbeddedMongo server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("engine-store");
    server = EmbeddedMongo.start(dir.resolve("payments.mv.db"), false, 0);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    server.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** A client on the test's Vert.x to an empty store with the service's indexes. */
  public Future<MongoClient> connect(Vertx vertx) {
    MongoClient mongo = server.client(vertx, "lucid_payments");
    Future<Void> emptied = Future.succeededFuture();
    for (String collection : COLLECTIONS) {
      emptied = emptied.compose(v -> mongo.removeDocuments(collection, new JsonObject()).mapEmpty());
    }
    return emptied.compose(v -> StoreSchema.ensureIndexes(mongo, true)).map(mongo);
  }
}
