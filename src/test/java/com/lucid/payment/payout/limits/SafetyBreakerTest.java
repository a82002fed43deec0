package com.lucid.payment.payout.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.testing.EmbeddedStore;
import com.lucid.payment.testing.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The payout safety breaker against the real store: every failure counts, and it recovers only through half open. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class SafetyBreakerTest {
  @RegisterExtension static final EmbeddedStore STORE = new EmbeddedStore();
  private static final Duration RECOVERY = Duration.ofSeconds(300);

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-25T10:00:00Z"));
  private SafetyBreaker breaker;

  @BeforeEach
  void connect(Vertx vertx, VertxTestContext ctx) {
    STORE.connect(vertx).onComplete(ctx.succeeding(mongo -> {
      breaker = new SafetyBreaker(mongo, new ServiceConfig.Breaker(5, RECOVERY, 3));
      ctx.completeNow();
    }));
  }

  private Future<List<SafetyBreaker.Snapshot>> failures(int n) {
    List<Future<SafetyBreaker.Snapshot>> all = IntStream.range(0, n)
        .mapToObj(i -> breaker.failure("REVERT", clock.instant())).toList();
    return Future.all(all).map(done -> all.stream().map(Future::result).toList());
  }

  @Test
  void failuresInOneRoundAreEachCounted(VertxTestContext ctx) {
    failures(4).compose(v -> breaker.read(clock.instant())).onComplete(ctx.succeeding(four -> ctx.verify(() -> {
      assertEquals(4, four.consecutiveFailures(), "four failures at once are four");
      assertEquals(SafetyBreaker.State.CLOSED, four.state());
      ctx.completeNow();
    })));
  }

  @Test
  void theFailureThatReachesTheThresholdOpensItEvenAmongOthers(VertxTestContext ctx) {
    failures(7).compose(v -> breaker.read(clock.instant())).onComplete(ctx.succeeding(s -> ctx.verify(() -> {
      assertEquals(7, s.consecutiveFailures());
      assertEquals(SafetyBreaker.State.OPEN, s.state());
      assertFalse(s.allowsSigning());
      assertTrue(s.reason().matches("[5-7] consecutive on-chain failures, last: REVERT"), s.reason());
      ctx.completeNow();
    })));
  }

  @Test
  void aSuccessBetweenFailuresStartsTheCountAgain(VertxTestContext ctx) {
    failures(4).compose(v -> breaker.success(clock.instant())).compose(v -> failures(4))
        .compose(v -> breaker.read(clock.instant())).onComplete(ctx.succeeding(s -> ctx.verify(() -> {
          assertEquals(4, s.consecutiveFailures());
          assertEquals(SafetyBreaker.State.CLOSED, s.state());
          ctx.completeNow();
        })));
  }

  @Test
  void anOpenBreakerHalfOpensAfterItsRecoveryAndClosesAfterEnoughSuccesses(VertxTestContext ctx) {
    failures(5).compose(v -> {
      clock.advance(RECOVERY.minusSeconds(1));
      return breaker.read(clock.instant());
    }).compose(stillOpen -> {
      ctx.verify(() -> assertEquals(SafetyBreaker.State.OPEN, stillOpen.state(), "not before the recovery timeout"));
      clock.advance(Duration.ofSeconds(2));
      return breaker.read(clock.instant());
    }).compose(halfOpen -> {
      ctx.verify(() -> {
        assertEquals(SafetyBreaker.State.HALF_OPEN, halfOpen.state());
        assertTrue(halfOpen.allowsSigning(), "half open lets the next payouts be signed");
      });
      return Future.all(breaker.success(clock.instant()), breaker.success(clock.instant()));
    }).compose(two -> breaker.read(clock.instant())).compose(afterTwo -> {
      ctx.verify(() -> {
        assertEquals(SafetyBreaker.State.HALF_OPEN, afterTwo.state(), "two successes of three");
        assertEquals(2, afterTwo.halfOpenSuccesses(), "two confirmations at once are two");
      });
      return breaker.success(clock.instant());
    }).onComplete(ctx.succeeding(closed -> ctx.verify(() -> {
      assertEquals(SafetyBreaker.State.CLOSED, closed.state());
      assertEquals(0, closed.consecutiveFailures());
      ctx.completeNow();
    })));
  }

  @Test
  void oneFailureWhileHalfOpenOpensItAgainForAWholeRecovery(VertxTestContext ctx) {
    failures(5).compose(v -> {
      clock.advance(RECOVERY.plusSeconds(1));
      return breaker.success(clock.instant());
    }).compose(oneSuccess -> breaker.failure("OUT_OF_ENERGY", clock.instant())).compose(reopened -> {
      ctx.verify(() -> {
        assertEquals(SafetyBreaker.State.OPEN, reopened.state());
        assertEquals(clock.instant().toEpochMilli(), reopened.openedAt(), 1_000, "opened again now");
        assertEquals(0, reopened.halfOpenSuccesses());
      });
      clock.advance(RECOVERY.minusSeconds(10));
      return breaker.read(clock.instant());
    }).onComplete(ctx.succeeding(s -> ctx.verify(() -> {
      assertEquals(SafetyBreaker.State.OPEN, s.state(), "the recovery starts again from the new failure");
      ctx.completeNow();
    })));
  }

  @Test
  void anAdminTripStaysOpenUntilReset(VertxTestContext ctx) {
    breaker.trip("investigating", clock.instant()).compose(v -> {
      clock.advance(RECOVERY.multipliedBy(10));
      return breaker.read(clock.instant());
    }).compose(tripped -> {
      ctx.verify(() -> assertEquals(SafetyBreaker.State.OPEN, tripped.state(), "a manual trip never half-opens"));
      return breaker.reset(clock.instant());
    }).onComplete(ctx.succeeding(reset -> ctx.verify(() -> {
      assertEquals(SafetyBreaker.State.CLOSED, reset.state());
      assertEquals(0, reset.consecutiveFailures());
      ctx.completeNow();
    })));
  }
}
