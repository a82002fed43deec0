package com.lucid.payment.tor;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Bounded waits: poll a condition until it holds or the limit passes, then fail naming what was awaited. */
final class Await {
  private static final Duration POLL = Duration.ofMillis(100);

  private Await() {}

  static void until(String what, Duration limit, Callable<Boolean> condition) throws Exception {
    value(what, limit, () -> condition.call() ? Optional.of(Boolean.TRUE) : Optional.empty());
  }

  /** The first value {@code probe} gives; the last failure it threw is the cause when time runs out. */
  static <T> T value(String what, Duration limit, Callable<Optional<T>> probe) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    Exception last = null;
    while (true) {
      try {
        Optional<T> value = probe.call();
        if (value.isPresent()) {
          return value.get();
        }
      } catch (java.io.IOException e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what, last);
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
