package com.lucid.payment.devnet;

/** A resource used up to `used` at `lastTime`; it recovers linearly over 24 h, as TRON's window does. */
record Usage(long used, long lastTime) {
  static final long WINDOW_MS = 86_400_000L;
  static final Usage NONE = new Usage(0, 0);

  /** What is still counted as used at `now`. */
  long at(long now) {
    long elapsed = now - lastTime;
    if (used == 0 || elapsed >= WINDOW_MS) {
      return 0;
    }
    if (elapsed <= 0) {
      return used;
    }
    long remaining = WINDOW_MS - elapsed;
    // exact floor(used * remaining / WINDOW) without overflowing a long
    return used / WINDOW_MS * remaining + (used % WINDOW_MS) * remaining / WINDOW_MS;
  }

  Usage consume(long amount, long now) {
    return new Usage(Math.addExact(at(now), amount), now);
  }
}
