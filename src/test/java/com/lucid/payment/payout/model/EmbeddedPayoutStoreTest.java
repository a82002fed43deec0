package com.lucid.payment.payout.model;

import com.lucid.payment.testing.EmbeddedStore;
import io.vertx.core.Vertx;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract on the embedded server, the default store: mongo-java-server behind the real driver. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedPayoutStoreTest implements PayoutStoreContract {
  @RegisterExtension static final EmbeddedStore STORE = new EmbeddedStore();

  @Override
  public MongoClient emptyStore(Vertx vertx) throws Exception {
    return STORE.connect(vertx).await(20, TimeUnit.SECONDS);
  }
}
