package com.lucid.payment.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * The one way tests wait: probe until a condition holds or a bounded time has passed, then fail naming what was
 * awaited and the last value seen. A probe that throws an IOException (a connection not up yet) is probed again.
 */
public final class Await {
  private static final long PROBE_EVERY_MS = 50;

  private Await() {}

  /** The first probed value that satisfies {@code done}. */
  public static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
    Object[] last = new Object[1];
    return value(what, timeout, () -> {
      T v = probe.call();
      last[0] = v;
      return done.test(v) ? Optional.of(v) : Optional.empty();
    }, () -> "; last seen: " + last[0]);
  }

  /** Waits until {@code condition} is true. */
  public static void until(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
    until(what, timeout, condition, Boolean::booleanValue);
  }

  /** The first value {@code probe} gives. */
  public static <T> T value(String what, Duration timeout, Callable<Optional<T>> probe) throws Exception {
    return value(what, timeout, probe, () -> "");
  }

  private static <T> T value(String what, Duration timeout, Callable<Optional<T>> probe,
      java.util.function.Supplier<String> lastSeen) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    IOException failure = null;
    while (true) {
      try {
        Optional<T> value = probe.call();
        if (value.isPresent()) {
          return value.get();
        }
      } catch (IOException e) {
        failure = e;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + lastSeen.get(), failure);
      }
      Thread.sleep(PROBE_EVERY_MS);
    }
  }
}
