package com.lucid.payment.store;

import com.lucid.payment.config.PrivateFiles;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/** An in-process MongoDB-wire-protocol server on loopback, backed by a durable H2 file: the default store. */
public final class EmbeddedMongo implements AutoCloseable {
  /**
   * One server thread per client connection (Store's pool has 32): a command waits on its thread for the commit that
   * covers it, and only commands waiting at the same time share a commit (netty's default would be 2 per core).
   */
  static final int WORKER_THREADS = 32;

  private final MongoServer server;
  private final InetSocketAddress address;

  private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
    this.server = server;
    this.address = address;
  }

  /** Named in errors about the store's file or folder (EMBEDDED_STORE_FILE defaults to DATA_DIR/payments.mv.db). */
  static final String VARIABLE = "EMBEDDED_STORE_FILE";

  /**
   * Opens the file (creating it and its folder owner-only) and listens on 127.0.0.1:{@code port} (0 picks a free
   * port). Blocking.
   */
  public static EmbeddedMongo start(Path file, boolean fsync, int port) {
    PrivateFiles.file(file, VARIABLE);
    MongoServer server = new MongoServer(DurableH2Backend.open(file, fsync));
    server.bind(new InetSocketAddress("127.0.0.1", port), 0, WORKER_THREADS);
    return new EmbeddedMongo(server, server.getLocalAddress());
  }

  public String connectionString() {
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
