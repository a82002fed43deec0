package com.lucid.payment.payout;

import com.lucid.payment.store.Store;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** The wallet-plane payout manager; stopping it waits for the store writes it has in flight. */
public final class PayoutManagerVerticle extends VerticleBase {
  private final Store store;
  private final InFlight writes = new InFlight();

  public PayoutManagerVerticle(Store store) {
    this.store = store;
  }

  @Override
  public Future<?> start() {
    return store.ping();
  }

  /** Store writes in flight; shutdown waits for them before the store is closed. */
  public InFlight writes() {
    return writes;
  }

  @Override
  public Future<?> stop() {
    return writes.drained(vertx, 10_000);
  }
}
