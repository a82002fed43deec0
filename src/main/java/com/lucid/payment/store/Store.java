package com.lucid.payment.store;

import com.lucid.payment.config.ServiceConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** The payout store: a MongoDB reached through vertx-mongo-client, either external (MONGO_URL) or embedded. */
public final class Store {
  private static final Logger LOG = Logger.getLogger(Store.class.getName());
  private static final long PING_TIMEOUT_MS = 2_000;

  private final Vertx vertx;
  private final MongoClient mongo;
  private final Optional<EmbeddedMongo> embedded;

  private Store(Vertx vertx, MongoClient mongo, Optional<EmbeddedMongo> embedded) {
    this.vertx = vertx;
    this.mongo = mongo;
    this.embedded = embedded;
  }

  /** Starts the embedded server when no MONGO_URL is set, connects, and creates the indexes. */
  public static Future<Store> open(Vertx vertx, ServiceConfig.Store config) {
    Future<Optional<EmbeddedMongo>> server = config.embedded()
        ? vertx.executeBlocking(() -> Optional.of(EmbeddedMongo.start(config.embeddedFile(), config.embeddedFsync(), 0)))
        : Future.succeededFuture(Optional.empty());
    return server.compose(embedded -> {
      embedded.ifPresent(e -> LOG.info(() -> "embedded store " + config.embeddedFile().toAbsolutePath()
          + " on 127.0.0.1:" + e.port() + " (mutual TLS, keys of this run only)"));
      MongoClient mongo = embedded.isPresent() ? embedded.get().client(vertx, config.database())
          : MongoClient.create(vertx, clientConfig(config.mongoUrl().orElseThrow().value(), config.database()));
      Store store = new Store(vertx, mongo, embedded);
      return StoreSchema.ensureIndexes(mongo, embedded.isPresent()).map(v -> store)
          .recover(err -> store.close().transform(ignored -> Future.failedFuture(err)));
    });
  }

  /**
   * The driver's heartbeat reads with the connect timeout: at 2 s, a CPU-starved host (or a GC pause) marked the
   * store unknown and cleared the pool, and callers saw bursts of 503 though the store was fine; 10 s still finds a
   * dead store long before a worker's lease expires.
   */
  static JsonObject clientConfig(String url, String database) {
    return new JsonObject()
        .put("connection_string", url)
        .put("db_name", database)
        .put("serverSelectionTimeoutMS", 2_000)
        .put("connectTimeoutMS", 10_000)
        .put("heartbeatFrequencyMS", 1_000)
        .put("maxPoolSize", 32);
  }

  public MongoClient mongo() {
    return mongo;
  }

  /** Succeeds when the store answers a ping within two seconds. */
  public Future<Void> ping() {
    return mongo.runCommand("ping", new JsonObject().put("ping", 1))
        .<Void>mapEmpty()
        .timeout(PING_TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  /** Closes the client, then the embedded server (which commits and closes its file). */
  public Future<Void> close() {
    return mongo.close().recover(err -> Future.succeededFuture())
        .compose(v -> embedded.isEmpty() ? Future.<Void>succeededFuture()
            : vertx.executeBlocking(() -> {
              embedded.get().close();
              return null;
            }));
  }
}
