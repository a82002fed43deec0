package com.lucid.payment.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** The one way tests wait: probe until a condition holds or a bounded time has passed, then fail with the last value. */
public final class Await {
  private static final long PROBE_EVERY_MS = 50;

  private Await() {}

  /** The first probed value that satisfies {@code done}; fails naming {@code what} and the last value. */
  public static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last;
    do {
      last = probe.call();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(PROBE_EVERY_MS);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; last seen: " + last);
  }

  /** Waits until {@code condition} is true. */
  public static void until(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
    until(what, timeout, condition, Boolean::booleanValue);
  }
}
