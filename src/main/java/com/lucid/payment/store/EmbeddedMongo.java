package com.lucid.payment.store;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
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

  /** Opens the file (creating its folder) and listens on 127.0.0.1:{@code port} (0 picks a free port). Blocking. */
  public static EmbeddedMongo start(Path file, boolean fsync, int port) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the store folder for " + file, e);
    }
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
