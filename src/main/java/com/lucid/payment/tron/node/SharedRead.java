package com.lucid.payment.tron.node;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * A node read that every caller asking while it is in flight shares: a round that signs or judges a hundred
 * attempts at once asks the node for its head once, not a hundred times. An answer is never kept once it arrived,
 * so no caller gets one older than the round trip under way when it asked; a caller that reads the head and then asks
 * the same node about a transaction still asks after that head was read.
 */
final class SharedRead<T> {
  private final Supplier<Future<T>> read;
  private Future<T> inFlight;

  SharedRead(Supplier<Future<T>> read) {
    this.read = read;
  }

  synchronized Future<T> get() {
    if (inFlight != null && !inFlight.isComplete()) {
      return inFlight;
    }
    Future<T> current = read.get();
    inFlight = current;
    current.onComplete(done -> forget(current));
    return current;
  }

  private synchronized void forget(Future<T> done) {
    if (inFlight == done) {
      inFlight = null;
    }
  }
}
