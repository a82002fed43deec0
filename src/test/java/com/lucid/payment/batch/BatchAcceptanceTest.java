package com.lucid.payment.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.store.StoreSchema;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** POST /payouts/batch over the bus: all or nothing, exactly once per key, within the limits, for its owner. */
@Timeout(60)
class BatchAcceptanceTest {
  @TempDir Path dir;
  private TestService service;
  private BatchCalls calls;

  @AfterEach
  void tearDown() throws Exception {
    if (service != null) {
      service.close();
    }
  }

  private void start(Map<String, String> extra) throws Exception {
    Map<String, String> env = TestService.fastEnv(dir);
    env.putAll(extra);
    service = TestService.start(env);
    calls = new BatchCalls(service);
  }

  private long count(String collection) throws Exception {
    return service.app().store().mongo().count(collection, new JsonObject()).await(5, TimeUnit.SECONDS);
  }

  private String used(String keyPrefix) throws Exception {
    List<JsonObject> windows = service.app().store().mongo().find(StoreSchema.LIMITS, new JsonObject())
        .await(5, TimeUnit.SECONDS);
    long used = windows.stream().filter(w -> w.getString("_id").startsWith(keyPrefix))
        .mapToLong(w -> w.getLong("used")).sum();
    return com.lucid.payment.api.Usdt.format(used);
  }

  @Test
  void oneBadItemRefusesTheWholeBatchWithEveryProblemByIndexAndStoresNothing() throws Exception {
    start(Map.of());
    JsonArray items = new JsonArray()
        .add(BatchCalls.item(TestService.newAddress().base58(), "1"))
        .add(BatchCalls.item("TNotAnAddress", "1"))
        .add(BatchCalls.item(TestService.newAddress().base58(), "2.5"))
        .add(BatchCalls.item(TestService.newAddress().base58(), "0.1234567"))
        .add(BatchCalls.item(TestService.newAddress().base58(), "1").put("priority", "URGENT"));
    JsonObject body = BatchCalls.body(items, null, null);

    ApiFailure refused = calls.refused("ops", "service", "batch-1", body);

    assertEquals(ErrorCode.INVALID_ADDRESS, refused.code());
    assertTrue(refused.getMessage().startsWith("payouts[1].recipient_address"), refused.getMessage());
    JsonArray errors = refused.details().getJsonArray("errors");
    assertEquals(List.of(1, 3, 4), errors.stream().map(e -> ((JsonObject) e).getInteger("index")).toList());
    assertEquals(List.of("recipient_address", "amount_usdt", "priority"),
        errors.stream().map(e -> ((JsonObject) e).getString("field")).toList());
    assertEquals(3, refused.details().getInteger("error_count"));
    assertEquals(0, count(StoreSchema.PAYOUTS));
    assertEquals(0, count(StoreSchema.BATCHES));
    assertEquals("0", used("global:day:"));

    items.set(1, BatchCalls.item(TestService.newAddress().base58(), "1"));
    items.set(3, BatchCalls.item(TestService.newAddress().base58(), "0.123456"));
    items.getJsonObject(4).remove("priority");
    JsonObject created = calls.create("ops", "service", "batch-1", body).getJsonObject("batch");
    assertEquals(5, created.getInteger("total_payouts"));
    assertEquals("5.623456", created.getString("total_amount_usdt"));
    assertEquals("processing", created.getString("status"));
    assertEquals("HOURLY", created.getString("batch_type"), "a batch waits for the next hour by default");
    assertEquals(5, created.getJsonArray("payout_ids").size());
    assertEquals(5, count(StoreSchema.PAYOUTS));
    assertEquals("5.623456", used("global:day:"));
  }

  @Test
  void theSameKeyAndBodyReplaysTheBatchAndAnotherBodyIsRefused() throws Exception {
    start(Map.of());
    JsonObject body = BatchCalls.fresh(3, "HOURLY", "HIGH");
    JsonObject first = calls.create("ops", "service", "k", body);
    JsonObject again = calls.create("ops", "service", "k", body);

    assertFalse(first.getBoolean("replayed"));
    assertTrue(again.getBoolean("replayed"));
    assertEquals(first.getJsonObject("batch").getString("batch_id"),
        again.getJsonObject("batch").getString("batch_id"));
    assertEquals(first.getJsonObject("batch").getJsonArray("payout_ids"),
        again.getJsonObject("batch").getJsonArray("payout_ids"));
    JsonObject other = body.copy().put("priority", "LOW");
    assertEquals(ErrorCode.IDEMPOTENCY_MISMATCH, calls.refused("ops", "service", "k", other).code());
    JsonObject single = new JsonObject().put("idempotency_key", "k").put("request",
        BatchCalls.item(TestService.newAddress().base58(), "1").put("router_type", "PayoutRouterV0"));
    assertEquals(ErrorCode.IDEMPOTENCY_MISMATCH,
        calls.bus().failure(BusAddress.PAYOUT_CREATE, single, "ops", "service").code(),
        "a batch's key is not reused by a single payout");
    assertEquals(1, count(StoreSchema.BATCHES));
    assertEquals(3, count(StoreSchema.PAYOUTS));
    assertEquals("6", used("global:day:"), "reserved once");
    assertFalse(calls.create("ops", "service", "k2", body).getBoolean("replayed"), "another key is another batch");
  }

  @Test
  void theBatchTotalIsReservedAtOnceAndEachPayoutReleasesItsOwnAmount() throws Exception {
    start(Map.of("DAILY_PAYOUT_LIMIT", "10", "MAX_PAYOUT_AMOUNT", "10", "DISTRIBUTION_MIN_PAYOUT", "5"));
    JsonObject created = calls.create("ops", "service", "a", BatchCalls.fresh(4, "DAILY", null))
        .getJsonObject("batch");
    assertEquals("10", used("router:PayoutRouterV0:day:"));

    ApiFailure over = calls.refused("ops", "service", "b", BatchCalls.fresh(2, "DAILY", null));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, over.code());
    assertEquals("0", over.details().getString("remaining_usdt"));
    assertEquals("3", over.details().getString("requested_usdt"));
    assertEquals(4, count(StoreSchema.PAYOUTS), "nothing of the refused batch is stored");

    String third = created.getJsonArray("payout_ids").getString(2);
    JsonObject cancelled = calls.bus().call(BusAddress.PAYOUT_CANCEL, new JsonObject().put("payout_id", third),
        "ops", "service");
    assertEquals("cancelled", cancelled.getString("status"));
    assertEquals("7", used("router:PayoutRouterV0:day:"), "the cancelled payout gave back its own 3 USDT");
    JsonObject fits = calls.create("ops", "service", "b", BatchCalls.fresh(2, "DAILY", null)).getJsonObject("batch");
    assertEquals("3", fits.getString("total_amount_usdt"), "the refused key is free again");
  }

  @Test
  void batchesAreForRolesThatMayCreateThemAndVisibleToTheirOwner() throws Exception {
    start(Map.of("BATCH_MAX_ITEMS", "3"));
    assertEquals(ErrorCode.FORBIDDEN, calls.refused("eve", "end_user", "k", BatchCalls.fresh(1, null, null)).code());
    assertEquals(ErrorCode.INVALID_REQUEST, calls.refused("olga", "node_operator", "k",
        BatchCalls.fresh(4, null, null)).code());
    assertEquals(ErrorCode.INVALID_REQUEST, calls.refused("olga", "node_operator", "k",
        BatchCalls.body(new JsonArray(), null, null)).code());

    String id = calls.create("olga", "node_operator", "k", BatchCalls.fresh(3, null, null)).getJsonObject("batch")
        .getString("batch_id");
    JsonObject own = calls.status(id, "olga", "node_operator");
    assertEquals(3, own.getInteger("pending_payouts"));
    assertEquals("6", own.getJsonObject("payouts_by_status").getJsonObject("pending").getString("amount_usdt"));
    assertEquals(ErrorCode.NOT_FOUND, calls.bus().failure(BusAddress.BATCH_GET, new JsonObject().put("batch_id", id),
        "oscar", "node_operator").code(), "someone else's batch is not found");
    assertEquals(id, calls.status(id, "root", "admin").getString("batch_id"));
    assertEquals(ErrorCode.NOT_FOUND, calls.bus().failure(BusAddress.BATCH_GET,
        new JsonObject().put("batch_id", "batch_nope"), "root", "admin").code());
    JsonObject payout = calls.bus().call(BusAddress.PAYOUT_GET, new JsonObject().put("payout_id",
        own.getJsonArray("payout_ids").getString(0)), "olga", "node_operator");
    assertEquals(id, payout.getString("batch_id"));
  }
}
