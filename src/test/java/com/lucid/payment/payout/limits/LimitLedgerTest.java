package com.lucid.payment.payout.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.model.RouterType;
import com.lucid.payment.testing.EmbeddedStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The limit windows and their counters against the real store: reserved all at once or not at all, never over. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class LimitLedgerTest {
  @RegisterExtension static final EmbeddedStore STORE = new EmbeddedStore();
  private static final long USDT = 1_000_000L;
  /** V0: 100 a day per router; 1,000 a day and 20 an hour across routers. */
  private static final ServiceConfig.Acceptance RULES = new ServiceConfig.Acceptance(
      new ServiceConfig.RouterLimits(USDT / 100, 50 * USDT, 100 * USDT),
      new ServiceConfig.RouterLimits(USDT / 100, 50 * USDT, 500 * USDT), 1_000 * USDT, 20 * USDT, Optional.empty());
  private static final Instant NOON = Instant.parse("2026-11-25T12:30:00Z");

  private final LimitWindows windows = new LimitWindows(RULES);
  private LimitLedger ledger;

  @BeforeEach
  void connect(Vertx vertx, VertxTestContext ctx) {
    STORE.connect(vertx).onComplete(ctx.succeeding(mongo -> {
      ledger = new LimitLedger(mongo);
      ctx.completeNow();
    }));
  }

  @Test
  void aPayoutIsHeldToItsRoutersDayTheGlobalDayAndTheGlobalHourOfItsRelease() {
    List<Window> w = windows.of(RouterType.PayoutRouterKYC, NOON);
    assertEquals(List.of("router:PayoutRouterKYC:day:2026-11-25", "global:day:2026-11-25", "global:hour:2026-11-25T12"),
        w.stream().map(Window::key).toList());
    assertEquals(List.of(500 * USDT, 1_000 * USDT, 20 * USDT), w.stream().map(Window::cap).toList());
    assertEquals("global:hour:2026-11-25T13", windows.globalHour(NOON.plusSeconds(1800)).key(), "UTC hours roll over");
    assertEquals("global:day:2026-11-26", windows.globalDay(NOON.plusSeconds(12 * 3600)).key(), "and UTC days");
  }

  @Test
  void concurrentReservationsNeverOvershootAWindow(VertxTestContext ctx) {
    List<Window> w = windows.of(RouterType.PayoutRouterV0, NOON);
    List<Future<List<String>>> tries = IntStream.range(0, 30).mapToObj(i -> ledger.reserve(w, USDT)).toList();
    Future.join(tries).onComplete(done -> ledger.used(w.get(2).key()).onComplete(ctx.succeeding(used ->
        ctx.verify(() -> {
          assertEquals(20, tries.stream().filter(Future::succeeded).count(), "exactly the hourly cap fits");
          assertEquals(20 * USDT, used);
          // a full window's upsert collides on its id: the driver's duplicate-key code makes that "no room"
          tries.stream().filter(Future::failed).forEach(f -> assertEquals(ErrorCode.LIMIT_EXCEEDED,
              ApiFailure.from(f.cause()).code(), String.valueOf(f.cause())));
          ApiFailure refused = (ApiFailure) tries.stream().filter(Future::failed).findFirst().orElseThrow().cause();
          assertEquals("global hourly", refused.details().getString("limit"));
          assertEquals("0", refused.details().getString("remaining_usdt"));
          ctx.completeNow();
        }))));
  }

  @Test
  void aRefusedReservationGivesBackWhatItTookInTheOtherWindows(VertxTestContext ctx) {
    List<Window> w = windows.of(RouterType.PayoutRouterV0, NOON);
    ledger.reserve(w, 15 * USDT).compose(first -> ledger.reserve(w, 10 * USDT)).onComplete(ctx.failing(err ->
        ledger.used(w.get(0).key()).compose(router -> ledger.used(w.get(1).key()).map(day -> List.of(router, day)))
            .onComplete(ctx.succeeding(used -> ctx.verify(() -> {
              assertEquals("the global hourly limit would be exceeded: 5 USDT remaining", err.getMessage());
              assertEquals(List.of(15 * USDT, 15 * USDT), used, "the router and day windows were given back");
              ctx.completeNow();
            })))));
  }

  @Test
  void aGroupsTotalsGoInTogetherOrNotAtAll(VertxTestContext ctx) {
    Map<Window, Long> fits = new LinkedHashMap<>();
    windows.of(RouterType.PayoutRouterV0, NOON).forEach(w -> fits.put(w, 20 * USDT));
    Map<Window, Long> tooMuch = new LinkedHashMap<>();
    windows.of(RouterType.PayoutRouterKYC, NOON).forEach(w -> tooMuch.put(w, USDT));
    ledger.reserveTotals(fits).compose(first -> ledger.reserveTotals(tooMuch).map(second -> List.of(first, second)))
        .compose(results -> ledger.used(windows.routerDay(RouterType.PayoutRouterKYC, NOON).key())
            .map(kyc -> new JsonObject().put("results", results).put("kyc", kyc)))
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertEquals(List.of(true, false), r.getJsonArray("results").getList());
          assertEquals(0L, r.getLong("kyc"), "the KYC router's day got nothing of the refused group");
          ctx.completeNow();
        })));
  }

  @Test
  void aReleaseGivesTheAmountBackToEveryWindow(VertxTestContext ctx) {
    List<Window> w = windows.of(RouterType.PayoutRouterV0, NOON);
    ledger.reserve(w, 20 * USDT).compose(keys -> ledger.release(keys, 20 * USDT))
        .compose(v -> ledger.reserve(w, 20 * USDT)).onComplete(ctx.succeeding(keys -> ctx.verify(() -> {
          assertEquals(3, keys.size(), "the full hour is free again");
          ctx.completeNow();
        })));
  }

  @Test
  void anAmountAboveAWindowsCapIsRefusedWithoutTouchingIt(VertxTestContext ctx) {
    List<Window> w = windows.of(RouterType.PayoutRouterV0, NOON);
    ledger.reserve(w, 21 * USDT).onComplete(ctx.failing(err -> ledger.used(w.get(0).key())
        .onComplete(ctx.succeeding(used -> ctx.verify(() -> {
          assertFalse(err.getMessage().isEmpty());
          assertTrue(err instanceof ApiFailure f && f.code() == ErrorCode.LIMIT_EXCEEDED);
          assertEquals(0L, used);
          ctx.completeNow();
        })))));
  }
}
