package com.lucid.payment.payout.accept;

import static com.lucid.payment.payout.accept.AcceptanceFixture.ALICE;
import static com.lucid.payment.payout.accept.AcceptanceFixture.USDT;
import static com.lucid.payment.payout.accept.AcceptanceFixture.body;
import static com.lucid.payment.payout.accept.AcceptanceFixture.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.payout.model.Canonical;
import com.lucid.payment.payout.model.PayoutStatus;
import com.lucid.payment.testing.EmbeddedStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Accepting payouts, alone and in groups: exactly once per key, never over a limit, never past an open breaker. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class PayoutAcceptanceTest {
  @RegisterExtension static final EmbeddedStore STORE = new EmbeddedStore();
  private AcceptanceFixture f;

  @BeforeEach
  void connect(Vertx vertx, VertxTestContext ctx) {
    STORE.connect(vertx).onComplete(ctx.succeeding(mongo -> {
      f = new AcceptanceFixture(mongo);
      ctx.completeNow();
    }));
  }

  /** Every create at once on one event loop, as the payout manager's consumer would call them. */
  private static List<Future<JsonObject>> burst(Vertx vertx, AcceptanceFixture f, List<JsonObject> messages) {
    Context loop = vertx.getOrCreateContext();
    List<Promise<JsonObject>> replies = messages.stream().map(m -> Promise.<JsonObject>promise()).toList();
    loop.runOnContext(v -> {
      for (int i = 0; i < messages.size(); i++) {
        f.acceptance.create(messages.get(i), ALICE).onComplete(replies.get(i));
      }
    });
    return replies.stream().map(Promise::future).toList();
  }

  private static ErrorCode code(Future<?> failed) {
    return ApiFailure.from(failed.cause()).code();
  }

  @Test
  void theSameKeyAndBodyReplaysTheOriginalPayout(VertxTestContext ctx) {
    JsonObject message = create("k-1", "1.5");
    f.acceptance.create(message, ALICE).compose(first -> f.acceptance.create(message, ALICE)
        .map(again -> List.of(first, again))).compose(both -> f.lookups.count(PayoutStatus.PENDING).map(n -> {
          ctx.verify(() -> {
            assertFalse(both.get(0).getBoolean("replayed"));
            assertTrue(both.get(1).getBoolean("replayed"));
            assertEquals(both.get(0).getJsonObject("payout").getString("payout_id"),
                both.get(1).getJsonObject("payout").getString("payout_id"));
            assertEquals("1.5", both.get(1).getJsonObject("payout").getString("amount_usdt"));
            assertEquals(1L, n, "one payout");
          });
          return n;
        })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused(VertxTestContext ctx) {
    f.acceptance.create(create("k-1", "1.5"), ALICE).compose(first -> f.acceptance.create(create("k-1", "2"), ALICE))
        .onComplete(ctx.failing(err -> ctx.verify(() -> {
          assertEquals(ErrorCode.IDEMPOTENCY_MISMATCH, ApiFailure.from(err).code());
          ctx.completeNow();
        })));
  }

  @Test
  void aBurstWithOneKeyMakesOnePayout(Vertx vertx, VertxTestContext ctx) {
    JsonObject message = create("same", "1");
    List<Future<JsonObject>> replies = burst(vertx, f, IntStream.range(0, 20).mapToObj(i -> message).toList());
    Future.join(replies).onComplete(done -> f.lookups.count(PayoutStatus.PENDING).onComplete(ctx.succeeding(n ->
        ctx.verify(() -> {
          assertEquals(1L, n, "exactly one payout for one key");
          Set<String> ids = replies.stream().filter(Future::succeeded)
              .map(r -> r.result().getJsonObject("payout").getString("payout_id")).collect(Collectors.toSet());
          assertEquals(1, ids.size(), "every answer names the same payout: " + ids);
          replies.stream().filter(Future::failed)
              .forEach(r -> assertEquals(ErrorCode.IDEMPOTENCY_IN_FLIGHT, code(r), String.valueOf(r.cause())));
          ctx.completeNow();
        }))));
  }

  @Test
  void aBurstOfKeysIsAcceptedInGroupsUpToTheLimitExactly(Vertx vertx, VertxTestContext ctx) {
    List<JsonObject> messages = IntStream.range(0, 30).mapToObj(i -> create("burst-" + i, "1")).toList();
    List<Future<JsonObject>> replies = burst(vertx, f, messages);
    Future.join(replies)
        .transform(done -> f.limits.used(f.windows.globalHour(f.clock.instant()).key()))
        .compose(used -> f.lookups.count(PayoutStatus.PENDING).map(n -> {
          ctx.verify(() -> {
            assertEquals(20, replies.stream().filter(Future::succeeded).count(), "the hour's 20 USDT, no more");
            assertEquals(20L, n);
            assertEquals(20 * USDT, used, "the counter holds exactly what was accepted");
            replies.stream().filter(Future::failed).forEach(r -> assertEquals(ErrorCode.LIMIT_EXCEEDED, code(r)));
          });
          return n;
        }))
        // a refused request's key is forgotten: the same key goes through once the next hour has room
        .compose(n -> {
          int refused = IntStream.range(0, 30).filter(i -> replies.get(i).failed()).findFirst().orElseThrow();
          f.clock.advance(Duration.ofHours(1));
          return f.acceptance.create(messages.get(refused), ALICE);
        }).onComplete(ctx.succeeding(again -> ctx.verify(() -> {
          assertFalse(again.getBoolean("replayed"));
          ctx.completeNow();
        })));
  }

  @Test
  void anOpenBreakerRefusesAndTheKeyStaysFree(VertxTestContext ctx) {
    JsonObject message = create("k-breaker", "1");
    f.breaker.trip("test", f.clock.instant()).compose(open -> f.acceptance.create(message, ALICE))
        .recover(err -> {
          ctx.verify(() -> assertEquals(ErrorCode.CIRCUIT_OPEN, ApiFailure.from(err).code()));
          return f.breaker.reset(f.clock.instant()).compose(closed -> f.acceptance.create(message, ALICE));
        }).onComplete(ctx.succeeding(accepted -> ctx.verify(() -> {
          assertFalse(accepted.getBoolean("replayed"), "accepted now, not a replay of the refusal");
          ctx.completeNow();
        })));
  }

  @Test
  void aFirstRequestThatDiedIsFinishedUnderItsOwnPayoutId(VertxTestContext ctx) {
    JsonObject body = body("3");
    String id = "payout_0Died0000000000000000";
    IdempotencyKeys.Claim stale = new IdempotencyKeys.Claim(IdempotencyKeys.recordId("alice", "k-died"),
        Canonical.sha256(body), id, false, f.clock.millis());
    f.keys.tryClaim(stale).compose(claimed -> f.acceptance.create(create("k-died", body), ALICE))
        .recover(err -> {
          ctx.verify(() -> assertEquals(ErrorCode.IDEMPOTENCY_IN_FLIGHT, ApiFailure.from(err).code(),
              "while the first may still be writing"));
          f.clock.advance(Duration.ofMillis(IdempotencyKeys.STALE_MS + 1));
          return f.acceptance.create(create("k-died", body), ALICE);
        }).onComplete(ctx.succeeding(taken -> ctx.verify(() -> {
          assertEquals(id, taken.getJsonObject("payout").getString("payout_id"), "never a second payout id");
          ctx.completeNow();
        })));
  }
}
