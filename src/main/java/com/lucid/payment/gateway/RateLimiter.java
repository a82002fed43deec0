package com.lucid.payment.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Per-key request counts in one-minute windows that start at a key's first request. In memory and per gateway
 * instance (several instances each count on their own); bounded: idle keys are swept, and past {@code maxKeys} the
 * least recently seen key is dropped. Used from the gateway's event loop only.
 */
final class RateLimiter {
  static final long WINDOW_MILLIS = 60_000;

  /** The outcome of one request: allowed or not, and the numbers for the X-RateLimit headers. */
  record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds) {}

  private static final class Window {
    long start;
    int count;
  }

  private final Map<String, Window> windows;
  private final LongSupplier clock;

  RateLimiter(int maxKeys, LongSupplier clock) {
    this.clock = clock;
    this.windows = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
        return size() > maxKeys;
      }
    };
  }

  Decision hit(String key, int limit) {
    long now = clock.getAsLong();
    Window window = windows.computeIfAbsent(key, k -> new Window());
    if (window.count == 0 || now >= window.start + WINDOW_MILLIS) {
      window.start = now;
      window.count = 0;
    }
    long end = window.start + WINDOW_MILLIS;
    long reset = (end + 999) / 1000;
    if (window.count >= limit) {
      return new Decision(false, limit, 0, reset, Math.max(1, (end - now + 999) / 1000));
    }
    window.count++;
    return new Decision(true, limit, limit - window.count, reset, 0);
  }

  /** Drops every key whose window has ended: a user idle for a minute costs no memory. */
  void evictIdle() {
    long now = clock.getAsLong();
    windows.values().removeIf(w -> now >= w.start + WINDOW_MILLIS);
  }

  int size() {
    return windows.size();
  }
}
