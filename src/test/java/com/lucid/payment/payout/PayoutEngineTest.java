package com.lucid.payment.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.bus.Plane;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.devnet.UsdtTransfer;
import com.lucid.payment.payout.model.AuditTrail;
import com.lucid.payment.store.StoreSchema;
import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.TestService;
import com.lucid.payment.tron.chain.TronAddress;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The engine end to end over the bus, as a sibling service would use it: accepted, paid once, confirmed. */
class PayoutEngineTest {
  @TempDir Path dir;
  private TestService service;
  private PlaneBus ops;

  @BeforeEach
  void setUp() throws Exception {
    service = TestService.start(TestService.fastEnv(dir));
    ops = new PlaneBus(service.app().vertx().eventBus(), Plane.OPS);
  }

  @AfterEach
  void tearDown() throws Exception {
    service.close();
  }

  private JsonObject call(BusAddress address, JsonObject body, String user, String role) throws Exception {
    return ops.<JsonObject>request(address, body, new CallContext(Plane.OPS, user, role, "req_test"))
        .await(30, TimeUnit.SECONDS);
  }

  private JsonObject awaitStatus(String payoutId, String user, String status) throws Exception {
    return Await.until("payout " + payoutId + " to become " + status, Duration.ofSeconds(60),
        () -> call(BusAddress.PAYOUT_GET, new JsonObject().put("payout_id", payoutId), user, "end_user"),
        p -> status.equals(p.getString("status")));
  }

  @Test
  @Timeout(120)
  void aPayoutIsAcceptedPaidExactlyOnceAndConfirmedOnASolidifiedBlock() throws Exception {
    TronAddress recipient = TestService.newAddress();
    JsonObject request = new JsonObject().put("recipient_address", recipient.base58()).put("amount_usdt", "1.50")
        .put("reason", "session reward").put("router_type", "PayoutRouterV0");
    JsonObject created = call(BusAddress.PAYOUT_CREATE, new JsonObject().put("idempotency_key", "key-1")
        .put("request", request), "alice", "end_user");
    JsonObject payout = created.getJsonObject("payout");
    assertFalse(created.getBoolean("replayed"));
    assertEquals("pending", payout.getString("status"));
    assertEquals("1.5", payout.getString("amount_usdt"));

    JsonObject confirmed = awaitStatus(payout.getString("payout_id"), "alice", "confirmed");

    List<UsdtTransfer> paid = service.devnet().transfers().stream()
        .filter(t -> t.to().equals(recipient.base58())).toList();
    assertEquals(1, paid.size(), "paid exactly once: " + paid);
    assertEquals(1_500_000L, paid.get(0).amount());
    assertEquals(paid.get(0).txid(), confirmed.getString("txid"));
    assertEquals(paid.get(0).blockNumber(), confirmed.getLong("block_number"));
    assertTrue(confirmed.getInteger("confirmations") >= 19);
    assertEquals(1_500_000L, service.devnet().balance(recipient.base58()).usdtUnits());

    JsonObject stored = service.app().store().mongo().findOne(StoreSchema.PAYOUTS,
        new JsonObject().put("_id", payout.getString("payout_id")), null).await(5, TimeUnit.SECONDS);
    assertEquals(List.of(), AuditTrail.verify(stored));
    JsonArray audit = stored.getJsonArray("audit");
    assertEquals(List.of("created", "released", "signed", "broadcast", "confirmed"),
        audit.stream().map(e -> ((JsonObject) e).getString("action")).toList());
  }

  @Test
  @Timeout(60)
  void theSameKeyAndBodyReplaysTheSamePayoutAndADifferentBodyIsRefused() throws Exception {
    JsonObject request = new JsonObject().put("recipient_address", TestService.newAddress().base58())
        .put("amount_usdt", "2").put("reason", "r").put("router_type", "PayoutRouterV0");
    JsonObject first = call(BusAddress.PAYOUT_CREATE, new JsonObject().put("idempotency_key", "k")
        .put("request", request), "bob", "end_user");
    JsonObject again = call(BusAddress.PAYOUT_CREATE, new JsonObject().put("idempotency_key", "k")
        .put("request", request), "bob", "end_user");
    assertTrue(again.getBoolean("replayed"));
    assertEquals(first.getJsonObject("payout").getString("payout_id"),
        again.getJsonObject("payout").getString("payout_id"));
    Throwable mismatch = ops.request(BusAddress.PAYOUT_CREATE, new JsonObject().put("idempotency_key", "k")
        .put("request", request.copy().put("amount_usdt", "3")),
        new CallContext(Plane.OPS, "bob", "end_user", "r")).transform(ar -> io.vertx.core.Future.succeededFuture(
            ar.cause())).await(10, TimeUnit.SECONDS);
    assertEquals(422, com.lucid.payment.api.ApiFailure.from(mismatch).code().status());
    long count = service.app().store().mongo().count(StoreSchema.PAYOUTS, new JsonObject())
        .await(5, TimeUnit.SECONDS);
    assertEquals(1, count);
  }
}
