package com.lucid.payment.payout.settle;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.payout.model.HoldReason;
import com.lucid.payment.payout.model.PayoutLookups;
import com.lucid.payment.tron.api.WalletStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Optional;

/**
 * The hot wallet's funds as the worker sees them in one round: the wallet's USDT at the solidified block minus what
 * payouts in processing will take, and TRX enough to burn for a transfer's energy beyond the staked energy. The
 * solidified balance, because it is the same on every node: java-tron's head state already shows a transfer the
 * moment it is broadcast (its pending state), other nodes only once it is in a block, so a head balance minus the
 * processing payouts counts a broadcast payout twice on one kind of node and not on the other. A payout leaves
 * processing only once confirmed, that is solidified, so the solidified balance has paid it by then.
 */
public final class WalletFunds implements Funds {
  /** Energy of a USDT transfer to an address holding no USDT, the dearer case. */
  public static final long TRANSFER_ENERGY = 130_285;
  /** Bandwidth of a transfer when burnt (about 350 bytes at 1,000 sun), rounded up. */
  public static final long BANDWIDTH_SUN = 1_000_000;

  private final PlaneBus bus;
  private final PayoutLookups lookups;
  private final Clock clock;
  private final long walletMaxAgeMs;
  private WalletStatus wallet;
  private long walletReadAt;
  private long committedUsdt;

  /** @param walletMaxAgeMs how long a read of the wallet is used before the nodes are asked again */
  public WalletFunds(PlaneBus bus, PayoutLookups lookups, Clock clock, long walletMaxAgeMs) {
    this.bus = bus;
    this.lookups = lookups;
    this.clock = clock;
    this.walletMaxAgeMs = walletMaxAgeMs;
  }

  /**
   * Takes a new snapshot when the last is older than {@code walletMaxAgeMs}: first the amounts committed to payouts
   * in processing, then the wallet. In that order a payout confirming in between is counted twice (the balance has
   * paid it and the sum still holds it), never missed; the other way round the funds would look larger than they
   * are. Between snapshots the sum only grows, by what each round releases.
   */
  public Future<Void> refresh() {
    long now = clock.millis();
    // a clock set back (a test's calendar) makes the snapshot stale, not fresh for ever
    boolean fresh = now >= walletReadAt && now - walletReadAt < walletMaxAgeMs;
    if (wallet != null && committedUsdt != Long.MAX_VALUE && fresh) {
      return Future.succeededFuture();
    }
    return lookups.committedInProcessing().transform(sum -> bus.<WalletStatus>request(BusAddress.TRON_WALLET,
        new JsonObject()).transform(status -> {
          wallet = status.succeeded() ? status.result() : null;
          walletReadAt = now;
          committedUsdt = sum.succeeded() ? sum.result() : Long.MAX_VALUE;
          return Future.succeededFuture();
        }));
  }

  public Optional<WalletStatus> last() {
    return Optional.ofNullable(wallet);
  }

  @Override
  public Optional<HoldReason> shortfall(long amount) {
    if (wallet == null || committedUsdt == Long.MAX_VALUE) {
      return Optional.of(HoldReason.TRON_UNAVAILABLE);
    }
    if (wallet.usdtSolidUnits() - committedUsdt < amount) {
      return Optional.of(HoldReason.INSUFFICIENT_USDT);
    }
    long energyToBurn = Math.max(0, TRANSFER_ENERGY - wallet.energyAvailable());
    if (wallet.trxSun() < Math.addExact(Math.multiplyExact(energyToBurn, wallet.energyFeeSun()), BANDWIDTH_SUN)) {
      return Optional.of(HoldReason.INSUFFICIENT_TRX);
    }
    committedUsdt = Math.addExact(committedUsdt, amount); // released in this round: no longer available to others
    return Optional.empty();
  }
}
