package com.lucid.payment.store;

import com.lucid.payment.config.JdkCryptoFirst;
import com.lucid.payment.config.PrivateFiles;
import com.mongodb.MongoClientSettings;
import de.bwaldvogel.mongo.MongoServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.impl.config.MongoClientOptionsParser;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.UUID;
import javax.net.ssl.SSLContext;

/**
 * An in-process MongoDB-wire-protocol server on loopback, backed by a durable H2 file: the default store. It is the
 * service's alone: the port speaks only mutual TLS with keys made at this start and held in memory ({@link StoreTls}),
 * so a local process that connects gets no answer, and the file and its folder are owner-only ({@link PrivateFiles}).
 * {@link #client} is the only way in.
 */
public final class EmbeddedMongo implements AutoCloseable {
  /** Named in errors about the store's file or folder (EMBEDDED_STORE_FILE defaults to DATA_DIR/payments.mv.db). */
  static final String VARIABLE = "EMBEDDED_STORE_FILE";
  /**
   * One server thread per client connection (Store's pool has 32): a command waits on its thread for the commit that
   * covers it, and only commands waiting at the same time share a commit (netty's default would be 2 per core).
   */
  static final int WORKER_THREADS = 32;

  private final MongoServer server;
  private final InetSocketAddress address;
  private final SSLContext clientTls;

  private EmbeddedMongo(MongoServer server, InetSocketAddress address, SSLContext clientTls) {
    this.server = server;
    this.address = address;
    this.clientTls = clientTls;
  }

  /**
   * Opens the file (creating it and its folder owner-only) and listens on 127.0.0.1:{@code port} (0 picks a free
   * port) for mutual TLS only. Blocking.
   */
  public static EmbeddedMongo start(Path file, boolean fsync, int port) {
    PrivateFiles.file(file, VARIABLE);
    JdkCryptoFirst.ensure(); // every record of the store's TLS is sealed by the JDK's AES-GCM, not BouncyCastle's
    StoreTls tls = StoreTls.generate();
    MongoServer server = new MongoServer(DurableH2Backend.open(file, fsync));
    try {
      MongoServerTls.install(server, tls.serverContext());
    } catch (RuntimeException e) {
      server.shutdownNow(); // closes the H2 file it opened
      throw e;
    }
    server.bind(new InetSocketAddress("127.0.0.1", port), 0, WORKER_THREADS);
    return new EmbeddedMongo(server, server.getLocalAddress(), tls.clientContext());
  }

  /**
   * A client of this store holding its client certificate: the store's usual settings ({@link Store#clientConfig}),
   * read by vertx-mongo-client's own parser so the driver keeps running on Vert.x's event loops, plus TLS with the
   * host name checked against the server certificate's 127.0.0.1.
   */
  public MongoClient client(Vertx vertx, String database) {
    JsonObject config = Store.clientConfig(connectionString(), database);
    MongoClientSettings settings = MongoClientSettings.builder(new MongoClientOptionsParser(vertx, config).settings())
        .applyToSslSettings(ssl -> ssl.enabled(true).invalidHostNameAllowed(false).context(clientTls))
        .build();
    // a data source name of its own: vertx-mongo-client shares one driver between clients of the same name
    return MongoClient.createWithMongoSettings(vertx, config, "embedded-store-" + UUID.randomUUID(), settings);
  }

  /** Where the server listens; a connection there without this run's client certificate is refused. */
  String connectionString() {
    return "mongodb://127.0.0.1:" + address.getPort();
  }

  public int port() {
    return address.getPort();
  }

  /** Stops listening, closes client connections and closes the H2 file (a final commit). Blocking. */
  @Override
  public void close() {
    server.shutdownNow();
  }
}
