package com.lucid.payment.payout.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.BusEndpoint;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.bus.Plane;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.limits.Window;
import com.lucid.payment.payout.model.Actor;
import com.lucid.payment.payout.model.Attempt;
import com.lucid.payment.payout.model.AuditAction;
import com.lucid.payment.payout.model.Change;
import com.lucid.payment.payout.model.Payout;
import com.lucid.payment.payout.model.PayoutLookups;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutRepository;
import com.lucid.payment.payout.model.PayoutStatus;
import com.lucid.payment.payout.settle.SignerDecisions;
import com.lucid.payment.testing.EmbeddedStore;
import com.lucid.payment.testing.TestPayouts;
import com.lucid.payment.tron.api.ReviewOrder;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.api.TronMessages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A cancel before anything is signed: its limits given back and the signer told; after a signature, refused. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class PayoutCancelTest {
  @RegisterExtension static final EmbeddedStore STORE = new EmbeddedStore();
  private static final CallContext ALICE = new CallContext(Plane.OPS, "alice", "end_user", "req_cancel");
  private static final CallContext BOB = new CallContext(Plane.OPS, "bob", "end_user", "req_bob");
  private final TestPayouts fixtures = new TestPayouts();
  private final List<ReviewOrder> toldTheSigner = new CopyOnWriteArrayList<>();
  private PayoutRepository payouts;
  private LimitLedger limits;
  private PayoutCancel cancel;

  @BeforeEach
  void connect(Vertx vertx) throws Exception {
    MongoClient mongo = STORE.connect(vertx).await(20, TimeUnit.SECONDS);
    TronMessages.register(vertx.eventBus());
    BusEndpoint.serve(vertx.eventBus(), BusAddress.TRON_REVIEW, ReviewOrder.class, null, (order, caller) -> {
      toldTheSigner.add(order);
      return Future.succeededFuture(new JsonObject());
    }, ApiFailure::from);
    payouts = new PayoutRepository(mongo);
    limits = new LimitLedger(mongo);
    Clock clock = Clock.systemUTC();
    cancel = new PayoutCancel(new PayoutQueries(payouts, new PayoutLookups(mongo), clock, 19), payouts, limits,
        new SignerDecisions(new PlaneBus(vertx.eventBus(), Plane.WALLET)), new PayoutMetrics(new SimpleMeterRegistry()),
        clock);
  }

  private Payout stored(String id, List<String> keys) throws Exception {
    Payout payout = fixtures.newPayouts.single(id, TestPayouts.request(2_000_000), new Actor("alice", "req_" + id),
        "end_user", keys, Instant.now());
    payouts.insert(payout).await(10, TimeUnit.SECONDS);
    return payout;
  }

  private static ErrorCode refusal(Future<?> call) throws Exception {
    return ApiFailure.from(call.transform(done -> Future.succeededFuture(done.cause())).await(10, TimeUnit.SECONDS))
        .code();
  }

  @Test
  void aCancelBeforeSigningGivesTheLimitsBackAndTellsTheSigner() throws Exception {
    List<String> keys = limits.reserve(List.of(new Window("test:day", 10_000_000, "test daily")), 2_000_000)
        .await(10, TimeUnit.SECONDS);
    stored("payout_c", keys);
    JsonObject view = cancel.cancel("payout_c", ALICE).await(10, TimeUnit.SECONDS);
    assertEquals("cancelled", view.getString("status"));
    assertEquals(0L, limits.used("test:day").await(10, TimeUnit.SECONDS));
    assertEquals(List.of(new ReviewOrder("payout_c", ReviewOrder.Kind.CLOSE)), toldTheSigner);
    assertTrue(payouts.find("payout_c").await(10, TimeUnit.SECONDS).orElseThrow().state().limitsReleased());
    assertEquals(ErrorCode.INVALID_STATE, refusal(cancel.cancel("payout_c", ALICE)), "a cancelled payout stays so");
  }

  @Test
  void oncePartOfItIsSignedItCanNoLongerBeCancelled() throws Exception {
    Payout payout = stored("payout_s", List.of());
    Attempt signed = Attempt.signed(new SignedAttempt(payout.id(), 1, "cd".repeat(32), "0a", 1L, 1L, 1L, 1L, "s"), 100);
    payouts.apply(payout, Change.of().status(PayoutStatus.PROCESSING).audit(AuditAction.RELEASED, new JsonObject())
        .attempts(List.of(signed)).audit(AuditAction.SIGNED, new JsonObject()), Actor.worker("w"), Instant.now(), null)
        .await(10, TimeUnit.SECONDS);
    assertEquals(ErrorCode.INVALID_STATE, refusal(cancel.cancel("payout_s", ALICE)));
    assertEquals(List.of(), toldTheSigner);
  }

  @Test
  void anotherUsersPayoutIsNotFound() throws Exception {
    stored("payout_o", List.of());
    assertEquals(ErrorCode.NOT_FOUND, refusal(cancel.cancel("payout_o", BOB)));
  }
}
