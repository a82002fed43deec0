package com.lucid.payment.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The one way tests wait: probe until a condition holds or a bounded time has passed, then fail naming what was
 * awaited and the last value seen. A probe that throws an IOException (a connection not up yet) is probed again;
 * any other exception ends the wait at once.
 */
public final class Await {
  private static final Duration PROBE_EVERY = Duration.ofMillis(50);

  private Await() {}

  /** The first probed value that satisfies {@code done}; fails naming {@code what} and the last value. */
  public static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
    AtomicReference<T> last = new AtomicReference<>();
    AtomicReference<IOException> failure = new AtomicReference<>();
    return atMost(timeout, PROBE_EVERY, probe, done, last, failure).orElseThrow(() -> new AssertionError("waited "
        + timeout.toSeconds() + " s for " + what + "; last seen: " + last.get(), failure.get()));
  }

  /** Waits until {@code condition} is true. */
  public static void until(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
    until(what, timeout, condition, Boolean::booleanValue);
  }

  /** The first value {@code probe} gives (a present Optional). */
  public static <T> T value(String what, Duration timeout, Callable<Optional<T>> probe) throws Exception {
    return until(what, timeout, probe, Optional::isPresent).orElseThrow();
  }

  /**
   * For a wait whose end is not a failure (a moment a scenario may or may not reach): the first probed value that
   * satisfies {@code done}, or empty once {@code timeout} has passed.
   */
  public static <T> Optional<T> atMost(Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
    return atMost(timeout, PROBE_EVERY, probe, done);
  }

  /** As {@link #atMost(Duration, Callable, Predicate)}, probing {@code every} (a probe that costs the service). */
  public static <T> Optional<T> atMost(Duration timeout, Duration every, Callable<T> probe, Predicate<T> done)
      throws Exception {
    return atMost(timeout, every, probe, done, new AtomicReference<>(), new AtomicReference<>());
  }

  private static <T> Optional<T> atMost(Duration timeout, Duration every, Callable<T> probe, Predicate<T> done,
      AtomicReference<T> last, AtomicReference<IOException> failure) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      try {
        last.set(probe.call());
        if (done.test(last.get())) {
          return Optional.of(last.get());
        }
      } catch (IOException e) {
        failure.set(e);
      }
      Thread.sleep(every.toMillis());
    } while (System.nanoTime() < deadline);
    return Optional.empty();
  }
}
