package com.lucid.payment.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that keeps ticking with real time from wherever a test sets it: the engine's worker, leases and backoff
 * go on working, while release windows and limit days follow the test's calendar.
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  /** A clock that reads {@code now} at once and then runs on. */
  public static MutableClock at(Instant now) {
    MutableClock clock = new MutableClock();
    clock.set(now);
    return clock;
  }

  /** From now on the clock reads {@code now}, and runs on from there. */
  public void set(Instant now) {
    offset.set(Duration.between(Instant.now(), now));
  }

  /** Moves the clock on by {@code step} (a recovery timeout, a lease, an expiration) at once. */
  public void advance(Duration step) {
    offset.updateAndGet(o -> o.plus(step));
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the engine's clock is UTC");
  }
}
