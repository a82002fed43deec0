package com.lucid.payment.payout.settle;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.payout.model.PayoutStatus;
import com.lucid.payment.store.StoreSchema;
import com.lucid.payment.tron.api.WalletStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.Optional;

/**
 * The hot wallet's funds as the worker sees them in one round: the wallet's USDT minus what payouts already in
 * processing will take, and TRX enough to burn for a transfer's energy beyond the staked energy.
 */
public final class WalletFunds implements PayoutWorker.Funds {
  /** Energy of a USDT transfer to an address holding no USDT, the dearer case. */
  public static final long TRANSFER_ENERGY = 130_285;
  /** Bandwidth of a transfer when burnt (about 350 bytes at 1,000 sun), rounded up. */
  public static final long BANDWIDTH_SUN = 1_000_000;

  private final PlaneBus bus;
  private final MongoClient mongo;
  private final long walletMaxAgeMs;
  private WalletStatus wallet;
  private long walletReadAt;
  private long committedUsdt;

  /** @param walletMaxAgeMs how long a read of the wallet is used before the nodes are asked again */
  public WalletFunds(PlaneBus bus, MongoClient mongo, long walletMaxAgeMs) {
    this.bus = bus;
    this.mongo = mongo;
    this.walletMaxAgeMs = walletMaxAgeMs;
  }

  /**
   * Takes a new snapshot when the last is older than {@code walletMaxAgeMs}: first the amounts committed to payouts
   * in processing, then the wallet. In that order a payout confirming in between is counted twice (the balance has
   * paid it and the sum still holds it), never missed; the other way round the funds would look larger than they
   * are. Between snapshots the sum only grows, by what each round releases.
   */
  public Future<Void> refresh() {
    long now = System.currentTimeMillis();
    if (wallet != null && committedUsdt != Long.MAX_VALUE && now - walletReadAt < walletMaxAgeMs) {
      return Future.succeededFuture();
    }
    Future<Long> committed = mongo.findWithOptions(StoreSchema.PAYOUTS,
        new JsonObject().put("status", PayoutStatus.PROCESSING.api()),
        new FindOptions().setFields(new JsonObject().put("amount", 1)))
        .map(docs -> docs.stream().mapToLong(d -> d.getLong("amount")).reduce(0L, Math::addExact));
    return committed.transform(sum -> bus.<WalletStatus>request(BusAddress.TRON_WALLET, new JsonObject())
        .transform(status -> {
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
  public Optional<String> shortfall(long amount) {
    if (wallet == null || committedUsdt == Long.MAX_VALUE) {
      return Optional.of("tron_unavailable");
    }
    if (wallet.usdtUnits() - committedUsdt < amount) {
      return Optional.of("insufficient_usdt");
    }
    long energyToBurn = Math.max(0, TRANSFER_ENERGY - wallet.energyAvailable());
    if (wallet.trxSun() < Math.addExact(Math.multiplyExact(energyToBurn, wallet.energyFeeSun()), BANDWIDTH_SUN)) {
      return Optional.of("insufficient_trx");
    }
    committedUsdt = Math.addExact(committedUsdt, amount); // released in this round: no longer available to others
    return Optional.empty();
  }
}
