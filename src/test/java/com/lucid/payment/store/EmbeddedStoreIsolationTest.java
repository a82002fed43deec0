package com.lucid.payment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.testing.TestCertificates;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store is the service's alone: another local process with the real MongoDB driver, in plain or over TLS
 * that trusts any server, with no client certificate or with one of its own, neither reads nor writes it; the
 * service's own client (the certificate of this run) does both.
 */
@Timeout(60)
class EmbeddedStoreIsolationTest {
  private static final String DB = "lucid_payments";
  private static final JsonObject PAYOUT = new JsonObject().put("_id", "payout_1").put("amount", 1_000_000L);

  @TempDir Path dir;
  private Vertx vertx;
  private EmbeddedMongo store;
  private MongoClient service;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    store = EmbeddedMongo.start(dir.resolve("payments.mv.db"), false, 0);
    service = store.client(vertx, DB);
    service.insert("payouts", PAYOUT.copy()).await(20, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() throws Exception {
    service.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
    store.close();
  }

  @Test
  void theServiceReadsAndWritesItsStore() throws Exception {
    assertEquals(PAYOUT, service.findOne("payouts", new JsonObject().put("_id", "payout_1"), null)
        .await(10, TimeUnit.SECONDS));
    service.updateCollection("payouts", new JsonObject().put("_id", "payout_1"),
        new JsonObject().put("$set", new JsonObject().put("amount", 2_000_000L))).await(10, TimeUnit.SECONDS);
    assertEquals(2_000_000L, service.findOne("payouts", new JsonObject(), null).await(10, TimeUnit.SECONDS)
        .getLong("amount"));
  }

  @Test
  void aPlainDriverConnectionCanNeitherReadNorWrite() throws Exception {
    MongoClient stranger = MongoClient.create(vertx, Store.clientConfig(store.connectionString(), DB));
    assertLockedOut(stranger);
  }

  @Test
  void tlsTrustingAnyServerWithoutAClientCertificateCanNeitherReadNorWrite() throws Exception {
    assertLockedOut(tlsStranger(null));
  }

  @Test
  void tlsWithAClientCertificateOfItsOwnCanNeitherReadNorWrite() throws Exception {
    TestCertificates.Issued own = TestCertificates.selfSigned("embedded-store-client");
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("client", own.key(), new char[0], new X509Certificate[] {own.certificate()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    assertLockedOut(tlsStranger(kmf.getKeyManagers()));
  }

  /** Every read and write fails, and the stored payout is as the service wrote it. */
  private void assertLockedOut(MongoClient stranger) throws Exception {
    try {
      assertFails(stranger.find("payouts", new JsonObject()));
      assertFails(stranger.updateCollection("payouts", new JsonObject().put("_id", "payout_1"),
          new JsonObject().put("$set", new JsonObject().put("amount", 999_000_000L))));
      assertFails(stranger.insert("payouts", new JsonObject().put("_id", "payout_forged").put("amount", 1L)));
    } finally {
      stranger.close().await(10, TimeUnit.SECONDS);
    }
    assertEquals(java.util.List.of(PAYOUT), service.find("payouts", new JsonObject()).await(10, TimeUnit.SECONDS));
  }

  private static void assertFails(Future<?> operation) {
    Exception failure = assertThrows(Exception.class, () -> operation.await(20, TimeUnit.SECONDS));
    assertTrue(failure.getClass().getName().startsWith("com.mongodb."), "refused by the transport: " + failure);
  }

  /** The real driver over TLS that accepts any server certificate and host name, with the given client keys. */
  private MongoClient tlsStranger(KeyManager[] keys) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys, new TrustManager[] {new TrustingEverything()}, new SecureRandom());
    return MongoClient.createWithMongoSettings(vertx, new JsonObject().put("db_name", DB),
        UUID.randomUUID().toString(), settings(context, true));
  }

  private MongoClientSettings settings(SSLContext context, boolean anyHostName) {
    return MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(store.connectionString()))
        .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
        .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS))
        .applyToSslSettings(ssl -> ssl.enabled(true).invalidHostNameAllowed(anyHostName).context(context))
        .build();
  }

  /** An attacker's trust manager: any certificate is fine. */
  private static final class TrustingEverything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
