package com.lucid.payment.payout.model;

import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store contract on a real MongoDB (a replica set, as in production), in a database of its own: run it with
 * MONGO_TEST_URL=mongodb://host:27017/?replicaSet=rs0; the build machines have none, so there it is skipped.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@EnabledIfEnvironmentVariable(named = "MONGO_TEST_URL", matches = "mongodb(\\+srv)?://.+")
class MongoPayoutStoreTest implements PayoutStoreContract {
  @Override
  public MongoClient emptyStore(Vertx vertx) throws Exception {
    MongoClient mongo = MongoClient.create(vertx, new JsonObject().put("connection_string",
        System.getenv("MONGO_TEST_URL")).put("db_name", "lucid_payments_contract_test"));
    for (String collection : List.of(StoreSchema.PAYOUTS, StoreSchema.IDEMPOTENCY, StoreSchema.LIMITS)) {
      mongo.removeDocuments(collection, new JsonObject()).await(20, TimeUnit.SECONDS);
    }
    StoreSchema.ensureIndexes(mongo, false).await(20, TimeUnit.SECONDS);
    return mongo;
  }
}
