package com.lucid.payment.payout.settle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.BusEndpoint;
import com.lucid.payment.bus.Plane;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.payout.model.HoldReason;
import com.lucid.payment.payout.model.PayoutLookups;
import com.lucid.payment.testing.EmbeddedStore;
import com.lucid.payment.testing.MutableClock;
import com.lucid.payment.tron.api.TronMessages;
import com.lucid.payment.tron.api.WalletStatus;
import com.lucid.payment.tron.chain.HotWallet;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the wallet can pay in one round: its USDT less what is committed, and TRX for the energy it must burn. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class WalletFundsTest {
  @RegisterExtension static final EmbeddedStore STORE = new EmbeddedStore();
  private static final long SUN = 1_000_000L;
  private final AtomicReference<Future<WalletStatus>> wallet = new AtomicReference<>();
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-25T12:00:00Z"));
  private WalletFunds funds;

  @BeforeEach
  void connect(Vertx vertx) throws Exception {
    TronMessages.register(vertx.eventBus());
    BusEndpoint.serve(vertx.eventBus(), BusAddress.TRON_WALLET, Object.class, null, (body, caller) -> wallet.get(),
        ApiFailure::from);
    funds = new WalletFunds(new PlaneBus(vertx.eventBus(), Plane.WALLET),
        new PayoutLookups(STORE.connect(vertx).await(20, TimeUnit.SECONDS)), clock, 1_000);
  }

  private static WalletStatus holding(long usdt, long trxSun, long energy) {
    return new WalletStatus(HotWallet.generate(new SecureRandom()).address(), trxSun, usdt, usdt, energy, energy, 0, 0,
        420, 100, 81);
  }

  @Test
  void whatOneRoundReleasesIsNoLongerAvailableToTheNext() throws Exception {
    wallet.set(Future.succeededFuture(holding(10 * SUN, 1_000 * SUN, 200_000)));
    funds.refresh().await(10, TimeUnit.SECONDS);
    assertEquals(Optional.empty(), funds.shortfall(6 * SUN));
    assertEquals(Optional.of(HoldReason.INSUFFICIENT_USDT), funds.shortfall(6 * SUN), "4 USDT are left");
    assertEquals(Optional.empty(), funds.shortfall(4 * SUN));
  }

  @Test
  void withoutStakedEnergyTheTransferIsPaidInTrx() throws Exception {
    long burn = WalletFunds.TRANSFER_ENERGY * 420 + WalletFunds.BANDWIDTH_SUN;
    wallet.set(Future.succeededFuture(holding(10 * SUN, burn - 1, 0)));
    funds.refresh().await(10, TimeUnit.SECONDS);
    assertEquals(Optional.of(HoldReason.INSUFFICIENT_TRX), funds.shortfall(SUN));
    wallet.set(Future.succeededFuture(holding(10 * SUN, burn, 0)));
    clock.advance(Duration.ofSeconds(2));
    funds.refresh().await(10, TimeUnit.SECONDS);
    assertEquals(Optional.empty(), funds.shortfall(SUN));
  }

  @Test
  void aWalletThatCannotBeReadHoldsEverything() throws Exception {
    wallet.set(Future.failedFuture(new ApiFailure(ErrorCode.UNAVAILABLE, "no node answered")));
    funds.refresh().await(10, TimeUnit.SECONDS);
    assertEquals(Optional.of(HoldReason.TRON_UNAVAILABLE), funds.shortfall(1));
  }
}
