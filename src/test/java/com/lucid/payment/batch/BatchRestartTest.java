package com.lucid.payment.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.devnet.Devnet;
import com.lucid.payment.devnet.DevnetHandle;
import com.lucid.payment.devnet.DevnetOptions;
import com.lucid.payment.devnet.UsdtTransfer;
import com.lucid.payment.store.StoreSchema;
import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.MutableClock;
import com.lucid.payment.testing.TestService;
import com.lucid.payment.tron.HotWalletKeyFile;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch outlives its service: stopped in the middle of settling, or in the middle of being written, a new service
 * on the same data folder and the same chain finishes it, and every payout is paid exactly once.
 */
@Timeout(120)
class BatchRestartTest {
  private static final Instant START = Instant.parse("2026-11-18T10:20:00Z");
  @TempDir Path dir;
  private Vertx chainVertx;
  private DevnetHandle devnet;
  private Map<String, String> env;
  private final MutableClock clock = MutableClock.at(START);

  @BeforeEach
  void startChain() throws Exception {
    Path key = dir.resolve("hot-wallet.key");
    String hotWallet = HotWalletKeyFile.load(key, true).address().base58();
    chainVertx = Vertx.vertx();
    devnet = Devnet.start(chainVertx, DevnetOptions.defaults().withBlockMs(50)
        .withFunded(hotWallet, 100_000_000_000L, 1_000_000_000_000L)).await(10, TimeUnit.SECONDS);
    env = TestService.fastEnv(Files.createDirectories(dir.resolve("data")));
    env.put("TRON_NODE_URL", devnet.baseUrl());
    env.put("TRON_PRIVATE_KEY_FILE", key.toString());
    env.put("PAYOUT_MAX_IN_FLIGHT", "3");
  }

  @AfterEach
  void stopChain() throws Exception {
    chainVertx.close().await(10, TimeUnit.SECONDS);
  }

  private void assertPaidOnce(JsonObject body) {
    Map<String, List<UsdtTransfer>> byRecipient = devnet.transfers().stream()
        .collect(Collectors.groupingBy(UsdtTransfer::to));
    JsonArray items = body.getJsonArray("payouts");
    assertEquals(items.size(), byRecipient.size(), "USDT went to exactly the batch's recipients");
    for (int i = 0; i < items.size(); i++) {
      List<UsdtTransfer> paid = byRecipient.get(items.getJsonObject(i).getString("recipient_address"));
      assertEquals(1, paid.size(), "item " + i + " paid " + paid.size() + " times");
      assertEquals((i + 1) * 1_000_000L, paid.get(0).amount());
    }
  }

  @Test
  void aServiceStoppedWhileItsBatchSettlesIsFinishedByTheNextOne() throws Exception {
    JsonObject body = BatchCalls.fresh(24, "IMMEDIATE", null);
    String batchId;
    try (TestService first = TestService.start(env, clock)) {
      BatchCalls calls = new BatchCalls(first);
      batchId = calls.create("ops", "service", "k", body).getJsonObject("batch").getString("batch_id");
      JsonObject seen = Await.until("six of the batch's payouts to be confirmed", Duration.ofSeconds(60),
          () -> calls.status(batchId, "ops", "service"), s -> s.getInteger("completed_payouts") >= 6);
      assertTrue(seen.getInteger("completed_payouts") < 24, "stopped in the middle: " + seen.encode());
    }
    try (TestService second = TestService.start(env, clock)) {
      JsonObject done = new BatchCalls(second).awaitBatch(batchId, "completed", 90);
      assertEquals(24, done.getInteger("completed_payouts"));
      assertEquals("300", done.getString("completed_amount_usdt"));
    }
    assertPaidOnce(body);
  }

  @Test
  void aBatchLeftHalfWrittenIsFinishedWithItsOwnPayoutIdsNeverDuplicated() throws Exception {
    JsonObject body = BatchCalls.fresh(10, "HOURLY", null);
    List<String> payoutIds;
    String batchId;
    try (TestService first = TestService.start(env, clock)) {
      BatchCalls calls = new BatchCalls(first);
      JsonObject batch = calls.create("ops", "service", "k", body).getJsonObject("batch");
      batchId = batch.getString("batch_id");
      payoutIds = batch.getJsonArray("payout_ids").stream().map(String::valueOf).toList();
      // what a crash after storing the batch and half its payouts leaves behind
      MongoClient mongo = first.app().store().mongo();
      long now = clock.millis();
      mongo.removeDocuments(StoreSchema.PAYOUTS, new JsonObject().put("_id", new JsonObject()
          .put("$in", new JsonArray(payoutIds.subList(5, 10))))).await(5, TimeUnit.SECONDS);
      mongo.updateCollection(StoreSchema.BATCHES, new JsonObject().put("_id", batchId), new JsonObject()
          .put("$set", new JsonObject().put("state", "accepting").put("updated_at", now))).await(5, TimeUnit.SECONDS);
      mongo.updateCollection(StoreSchema.IDEMPOTENCY, new JsonObject().put("payout_id", batchId), new JsonObject()
          .put("$set", new JsonObject().put("state", "in_flight").put("updated_at", now))).await(5, TimeUnit.SECONDS);
      assertEquals(ErrorCode.IDEMPOTENCY_IN_FLIGHT, calls.refused("ops", "service", "k", body).code());
      assertEquals("processing", calls.status(batchId, "ops", "service").getString("status"));
    }
    clock.set(START.plusSeconds(60));
    try (TestService second = TestService.start(env, clock)) {
      BatchCalls calls = new BatchCalls(second);
      MongoClient mongo = second.app().store().mongo();
      Set<String> stored = new HashSet<>();
      Await.atMost(Duration.ofSeconds(15), () -> {
        stored.clear();
        mongo.find(StoreSchema.PAYOUTS, new JsonObject().put("batch_id", batchId)).await(5, TimeUnit.SECONDS)
            .forEach(p -> stored.add(p.getString("_id")));
        return stored.size();
      }, n -> n >= 10);
      assertEquals(Set.copyOf(payoutIds), stored, "the sweep wrote the missing payouts with their own ids");
      JsonObject replay = calls.create("ops", "service", "k", body);
      assertTrue(replay.getBoolean("replayed"));
      assertEquals(new JsonArray(payoutIds), replay.getJsonObject("batch").getJsonArray("payout_ids"));
      assertEquals(10, mongo.count(StoreSchema.PAYOUTS, new JsonObject()).await(5, TimeUnit.SECONDS));

      clock.set(Instant.parse("2026-11-18T11:00:01Z"));
      assertEquals(10, calls.awaitBatch(batchId, "completed", 60).getInteger("completed_payouts"));
    }
    assertPaidOnce(body);
  }
}
