package com.lucid.payment.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** The one way tests wait: probe until a condition holds or a bounded time has passed, then fail with the last value. */
public final class Await {
  private static final Duration PROBE_EVERY = Duration.ofMillis(50);

  private Await() {}

  /** The first probed value that satisfies {@code done}; fails naming {@code what} and the last value. */
  public static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
    AtomicReference<T> last = new AtomicReference<>();
    return atMost(timeout, PROBE_EVERY, probe, done, last).orElseThrow(() -> new AssertionError("waited "
        + timeout.toSeconds() + " s for " + what + "; last seen: " + last.get()));
  }

  /**
   * For a wait whose end is not a failure (a moment a scenario may or may not reach): the first probed value that
   * satisfies {@code done}, or empty once {@code timeout} has passed. A probe may throw to end the wait at once.
   */
  public static <T> Optional<T> atMost(Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
    return atMost(timeout, PROBE_EVERY, probe, done, new AtomicReference<>());
  }

  /** As {@link #atMost(Duration, Callable, Predicate)}, probing {@code every} (a probe that costs the service). */
  public static <T> Optional<T> atMost(Duration timeout, Duration every, Callable<T> probe, Predicate<T> done)
      throws Exception {
    return atMost(timeout, every, probe, done, new AtomicReference<>());
  }

  private static <T> Optional<T> atMost(Duration timeout, Duration every, Callable<T> probe, Predicate<T> done,
      AtomicReference<T> last) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      last.set(probe.call());
      if (done.test(last.get())) {
        return Optional.of(last.get());
      }
      Thread.sleep(every.toMillis());
    } while (System.nanoTime() < deadline);
    return Optional.empty();
  }

  /** Waits until {@code condition} is true. */
  public static void until(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
    until(what, timeout, condition, Boolean::booleanValue);
  }
}
