package com.lucid.payment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.MongoClientSettings;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.impl.config.MongoClientOptionsParser;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one reflective step on mongo-java-server still does what it did: a new library version that renames the field,
 * changes its type or stops putting its handler in front of the wire protocol fails here, before any store is
 * reachable without a client certificate.
 */
@Timeout(30)
class MongoServerTlsTest {
  private Vertx vertx;
  private MongoServer server;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    server = new MongoServer(new MemoryBackend());
  }

  @AfterEach
  void tearDown() throws Exception {
    server.shutdownNow();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void theLibraryKeepsItsServerTlsContextInTheFieldWeSet() throws Exception {
    assertEquals(SslContext.class, MongoServer.class.getDeclaredField(MongoServerTls.FIELD).getType());
  }

  @Test
  void withoutItAPlainClientIsServedAndWithItOnlyTheCertificateHolder() throws Exception {
    MongoServer plain = new MongoServer(new MemoryBackend());
    try {
      int port = plain.bind().getPort();
      assertEquals(1.0, ping(MongoClient.create(vertx, Store.clientConfig("mongodb://127.0.0.1:" + port, "t"))));
    } finally {
      plain.shutdownNow();
    }

    StoreTls tls = StoreTls.generate();
    MongoServerTls.install(server, tls.serverContext());
    int port = server.bind().getPort();
    MongoClient stranger = MongoClient.create(vertx, Store.clientConfig("mongodb://127.0.0.1:" + port, "t"));
    assertThrows(Exception.class, () -> ping(stranger));
    JsonObject config = Store.clientConfig("mongodb://127.0.0.1:" + port, "t");
    MongoClientSettings holder = MongoClientSettings.builder(new MongoClientOptionsParser(vertx, config).settings())
        .applyToSslSettings(ssl -> ssl.enabled(true).context(tls.clientContext()))
        .build();
    assertEquals(1.0, ping(MongoClient.createWithMongoSettings(vertx, config, UUID.randomUUID().toString(), holder)));
  }

  @Test
  void aClientContextIsNotAcceptedAsTheServers() {
    assertThrows(IllegalArgumentException.class, () -> MongoServerTls.install(server, clientSide()));
  }

  private static SslContext clientSide() throws Exception {
    return SslContextBuilder.forClient().build();
  }

  private static double ping(MongoClient client) throws Exception {
    try {
      JsonObject reply = client.runCommand("ping", new JsonObject().put("ping", 1)).await(10, TimeUnit.SECONDS);
      return reply.getDouble("ok");
    } finally {
      client.close().await(10, TimeUnit.SECONDS);
    }
  }
}
