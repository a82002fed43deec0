package com.lucid.payment.payout;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts operations in flight so that a graceful stop can wait for them to finish. */
final class InFlight {
  private final AtomicInteger count = new AtomicInteger();

  /** Tracks the future until it completes. */
  <T> Future<T> track(Future<T> operation) {
    count.incrementAndGet();
    return operation.andThen(done -> count.decrementAndGet());
  }

  int count() {
    return count.get();
  }

  /** Completes once nothing is in flight, or after {@code maxWaitMs} (then the stop goes on regardless). */
  Future<Void> drained(Vertx vertx, long maxWaitMs) {
    Promise<Void> promise = Promise.promise();
    long deadline = System.currentTimeMillis() + maxWaitMs;
    poll(vertx, promise, deadline);
    return promise.future();
  }

  private void poll(Vertx vertx, Promise<Void> promise, long deadline) {
    if (count.get() == 0 || System.currentTimeMillis() >= deadline) {
      promise.complete();
    } else {
      vertx.setTimer(20, id -> poll(vertx, promise, deadline));
    }
  }
}
