package com.lucid.payment.payout.settle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.payout.limits.SafetyBreaker;
import com.lucid.payment.payout.limits.Window;
import com.lucid.payment.payout.model.Attempt;
import com.lucid.payment.payout.model.AuditTrail;
import com.lucid.payment.payout.model.HoldReason;
import com.lucid.payment.payout.model.Payout;
import com.lucid.payment.payout.model.PayoutFields;
import com.lucid.payment.payout.model.PayoutStatus;
import com.lucid.payment.store.StoreSchema;
import com.lucid.payment.testing.EmbeddedStore;
import com.lucid.payment.tron.api.AttemptFate;
import com.lucid.payment.tron.api.BroadcastOutcome;
import com.lucid.payment.tron.api.ReviewOrder;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The worker's decisions, one round at a time, against the real store and a TRON client that answers as scripted. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class PayoutWorkerTest {
  @RegisterExtension static final EmbeddedStore STORE = new EmbeddedStore();
  private WorkerFixture f;

  @BeforeEach
  void connect(Vertx vertx, VertxTestContext ctx) {
    STORE.connect(vertx).onComplete(ctx.succeeding(mongo -> {
      f = new WorkerFixture(vertx, mongo);
      ctx.completeNow();
    }));
  }

  @Test
  void aDuePayoutIsSignedStoredAndOnlyThenBroadcast() throws Exception {
    f.accepted("payout_a", 1_500_000);
    AtomicReference<Optional<Attempt>> storedAtBroadcast = new AtomicReference<>();
    f.tron.beforeBroadcast = ref -> f.repository.find("payout_a").map(p -> {
      storedAtBroadcast.set(p.orElseThrow().current());
      return null;
    });
    f.round();
    Payout payout = f.read("payout_a");
    assertEquals(PayoutStatus.PROCESSING, payout.status());
    Attempt attempt = payout.current().orElseThrow();
    assertEquals(1, attempt.broadcasts());
    assertEquals(storedAtBroadcast.get().orElseThrow().txid(), f.tron.broadcast.get(0).txid(),
        "the attempt was in the store before its first broadcast");
    assertEquals(attempt.txHex(), f.tron.broadcast.get(0).transactionHex(), "the stored bytes are the ones sent");
    assertEquals(List.of("created", "released", "signed", "broadcast"), f.actions("payout_a"));
    assertEquals(List.of(), AuditTrail.verify(f.stored("payout_a")));
  }

  @Test
  void whilePausedNothingIsSignedAndThePayoutSaysWhy() throws Exception {
    f.pause.set(true, "maintenance", f.clock.instant()).await(10, TimeUnit.SECONDS);
    f.accepted("payout_p", 1_000_000);
    f.round();
    assertEquals(Optional.of(HoldReason.PAUSED), f.read("payout_p").state().hold());
    assertTrue(f.tron.signed.isEmpty());
    f.pause.set(false, null, f.clock.instant()).await(10, TimeUnit.SECONDS);
    f.clock.advance(Duration.ofSeconds(5));
    f.round();
    assertEquals(PayoutStatus.PROCESSING, f.read("payout_p").status(), "resumed by itself");
    assertEquals(Optional.empty(), f.read("payout_p").state().hold());
  }

  @Test
  void aWalletThatCannotPayHoldsThePayoutUntilItCan() throws Exception {
    f.shortfall.set(Optional.of(HoldReason.INSUFFICIENT_USDT));
    f.accepted("payout_u", 1_000_000);
    f.round();
    assertEquals(Optional.of(HoldReason.INSUFFICIENT_USDT), f.read("payout_u").state().hold());
    f.round();
    assertEquals(List.of("created", "held"), f.actions("payout_u"), "held once, not once a round");
    assertTrue(f.tron.signed.isEmpty());
  }

  @Test
  void aSolidifiedSuccessConfirmsThePayout() throws Exception {
    f.accepted("payout_c", 2_000_000);
    f.round();
    String txid = f.read("payout_c").current().orElseThrow().txid();
    f.tron.fate(txid, new AttemptFate.Confirmed(500, f.clock.millis(), 345_000, 30_000, 345, 530));
    f.round();
    Payout confirmed = f.read("payout_c");
    assertEquals(PayoutStatus.CONFIRMED, confirmed.status());
    assertEquals(txid, confirmed.settlement().orElseThrow().txid());
    assertEquals(31, confirmed.settlement().orElseThrow().confirmations());
    assertEquals(Optional.of(Attempt.Fate.CONFIRMED), confirmed.current().orElseThrow().fate());
    assertEquals(1, f.tron.signed.size(), "signed once");
  }

  @Test
  void anOnChainFailureIsRetriedWithMoreFeeAfterOutOfEnergyAndFailsForGoodPastTheRetries() throws Exception {
    List<String> keys = f.limits.reserve(List.of(new Window("test:day", 10_000_000, "test daily")), 1_000_000)
        .await(10, TimeUnit.SECONDS);
    f.accepted("payout_f", 1_000_000, keys);
    f.round();
    for (String result : List.of("REVERT", "OUT_OF_ENERGY", "REVERT")) {
      String txid = f.read("payout_f").current().orElseThrow().txid();
      f.tron.fate(txid, new AttemptFate.Failed(501, result, "", 1_000));
      f.round();
      f.round();
    }
    Payout failed = f.read("payout_f");
    assertEquals(PayoutStatus.FAILED, failed.status());
    assertEquals("REVERT", failed.state().failure().orElseThrow().code());
    assertEquals(3, failed.attempts().size(), "one attempt and two retries");
    assertEquals(List.of(100, 100, 200), f.tron.signed.stream().map(o -> o.feeLimitPercent()).toList(),
        "the attempt after OUT_OF_ENERGY asks for twice the fee limit");
    assertTrue(failed.state().limitsReleased());
    assertEquals(List.of(new ReviewOrder("payout_f", ReviewOrder.Kind.CLOSE)), f.tron.reviews,
        "the signer's journal closes it");
    assertEquals(3, f.breaker.read(f.clock.instant()).await(10, TimeUnit.SECONDS).consecutiveFailures());
    assertEquals(0L, f.limits.used("test:day").await(10, TimeUnit.SECONDS), "its amount is given back");
  }

  @Test
  void anAttemptProvenExpiredIsReplacedInTheSameTurn() throws Exception {
    f.accepted("payout_e", 1_000_000);
    f.round();
    String first = f.read("payout_e").current().orElseThrow().txid();
    f.tron.fate(first, new AttemptFate.Expired(f.clock.millis()));
    f.round();
    Payout payout = f.read("payout_e");
    assertEquals(2, payout.attempts().size());
    assertEquals(Optional.of(Attempt.Fate.EXPIRED), payout.attempts().get(0).fate());
    assertEquals(1, payout.current().orElseThrow().broadcasts(), "the new attempt is out already");
    assertEquals(List.of("created", "released", "signed", "broadcast", "attempt_expired", "signed", "broadcast"),
        f.actions("payout_e"));
  }

  @Test
  void anExpiredAttemptTheChainCannotProveDeadIsNeverReSignedAndPastTheTimeoutNeedsReview() throws Exception {
    f.accepted("payout_r", 1_000_000);
    f.round();
    String txid = f.read("payout_r").current().orElseThrow().txid();
    f.tron.fate(txid, new AttemptFate.Undecided("one node is down"));
    f.clock.advance(Duration.ofMinutes(2));
    f.round();
    assertEquals(Optional.empty(), f.read("payout_r").state().hold(), "not yet: still waiting for evidence");
    f.clock.advance(WorkerFixture.PROOF_TIMEOUT);
    f.round();
    assertEquals(Optional.of(HoldReason.NEEDS_REVIEW), f.read("payout_r").state().hold());
    assertEquals(1, f.tron.signed.size(), "never signed again on an unproven expiry");
  }

  @Test
  void anUnseenAttemptIsSentAgainButARejectedOneIsNot() throws Exception {
    f.accepted("payout_b", 1_000_000);
    f.round();
    f.clock.advance(Duration.ofSeconds(3));
    f.round();
    assertEquals(2, f.read("payout_b").current().orElseThrow().broadcasts(), "rebroadcast: the same bytes");
    f.tron.broadcastsAnswer(new BroadcastOutcome(BroadcastOutcome.Kind.REJECTED, "TAPOS_ERROR", "bad reference"));
    f.clock.advance(Duration.ofSeconds(3));
    f.round();
    f.clock.advance(Duration.ofSeconds(3));
    f.round();
    assertEquals(3, f.read("payout_b").current().orElseThrow().broadcasts(), "a rejection is not sent again");
    assertEquals(1, f.tron.signed.size());
  }

  @Test
  void anAttemptSolidifiedOtherThanSignedIsHeld() throws Exception {
    f.accepted("payout_m", 1_000_000);
    f.round();
    f.tron.fate(f.read("payout_m").current().orElseThrow().txid(), new AttemptFate.Mismatch("another amount"));
    f.round();
    assertEquals(Optional.of(HoldReason.CHAIN_MISMATCH), f.read("payout_m").state().hold());
  }

  @Test
  void aPayoutWhoseSealFailsIsQuarantinedNeverSignedAndTripsTheBreaker() throws Exception {
    f.accepted("payout_t", 1_000_000);
    JsonObject raise = new JsonObject().put("$set", new JsonObject().put(PayoutFields.AMOUNT, 900_000_000L));
    f.mongo.updateCollection(StoreSchema.PAYOUTS, new JsonObject().put(PayoutFields.ID, "payout_t"), raise)
        .await(10, TimeUnit.SECONDS);
    f.round();
    assertEquals(HoldReason.INTEGRITY_VIOLATION.stored(), f.stored("payout_t").getString(PayoutFields.HOLD_REASON));
    assertTrue(f.tron.signed.isEmpty());
    assertEquals(SafetyBreaker.State.OPEN, f.breaker.read(f.clock.instant()).await(10, TimeUnit.SECONDS).state());
  }

  @Test
  void aSignerThatRemembersOtherwiseQuarantinesAndOneThatHitsItsCapAsksForReview() throws Exception {
    f.accepted("payout_j", 1_000_000);
    f.tron.refusesToSign(new ApiFailure(ErrorCode.INTEGRITY_VIOLATION, "it is settled yet the store asks again"));
    f.round();
    assertEquals(HoldReason.INTEGRITY_VIOLATION.stored(), f.stored("payout_j").getString(PayoutFields.HOLD_REASON));
    f.breaker.reset(f.clock.instant()).await(10, TimeUnit.SECONDS);
    f.accepted("payout_k", 1_000_000);
    f.tron.refusesToSign(new ApiFailure(ErrorCode.INVALID_STATE, "expired twice: it needs review",
        new JsonObject().put("hold_reason", HoldReason.NEEDS_REVIEW.stored())));
    f.round();
    Payout held = f.read("payout_k");
    assertEquals(Optional.of(HoldReason.NEEDS_REVIEW), held.state().hold());
    assertEquals(Long.MAX_VALUE, held.state().nextCheckAt(), "only an admin's review moves it on");
  }
}
