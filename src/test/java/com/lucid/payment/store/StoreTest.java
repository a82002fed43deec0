package com.lucid.payment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lucid.payment.config.ServiceConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir Path dir;
  private Vertx vertx;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  private ServiceConfig.Store embedded(Path file) {
    return new ServiceConfig.Store(Optional.empty(), "lucid_payments", file, false);
  }

  @Test
  void embeddedStoreKeepsItsDataAcrossARestart() throws Exception {
    Path file = dir.resolve("nested/folder/payments.mv.db");
    Store first = Store.open(vertx, embedded(file)).await(20, TimeUnit.SECONDS);
    first.mongo().insert(StoreSchema.PAYOUTS, new JsonObject().put("_id", "payout_1").put("amount", 1_500_000L))
        .await(5, TimeUnit.SECONDS);
    first.close().await(10, TimeUnit.SECONDS);

    Store second = Store.open(vertx, embedded(file)).await(20, TimeUnit.SECONDS);
    JsonObject found = second.mongo().findOne(StoreSchema.PAYOUTS, new JsonObject().put("_id", "payout_1"), null)
        .await(5, TimeUnit.SECONDS);
    assertEquals(1_500_000L, found.getLong("amount"));
    second.ping().await(5, TimeUnit.SECONDS);
    second.close().await(10, TimeUnit.SECONDS);
  }
}
