package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The windows on a test clock: a new window a minute after the first request, memory bounded by idle eviction. */
class RateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
  private final RateLimiter limiter = new RateLimiter(1000, now::get);

  @Test
  void aFullWindowOpensAgainAMinuteAfterItsFirstRequest() {
    for (int i = 0; i < 3; i++) {
      assertTrue(limiter.hit("alice", 3).allowed());
    }
    now.addAndGet(45_000);
    RateLimiter.Decision refused = limiter.hit("alice", 3);
    assertFalse(refused.allowed());
    assertEquals(15, refused.retryAfterSeconds());
    assertEquals(1_800_000_060L, refused.resetEpochSeconds());
    now.addAndGet(15_000);
    RateLimiter.Decision again = limiter.hit("alice", 3);
    assertTrue(again.allowed());
    assertEquals(2, again.remaining());
    assertEquals(1_800_000_120L, again.resetEpochSeconds());
  }

  @Test
  void idleUsersAreForgottenAndTheNumberOfUsersIsBounded() {
    RateLimiter small = new RateLimiter(100, now::get);
    for (int i = 0; i < 250; i++) {
      small.hit("user-" + i, 10);
    }
    assertEquals(100, small.size());
    now.addAndGet(30_000);
    small.hit("user-249", 10);
    now.addAndGet(30_000);
    small.evictIdle();
    assertEquals(0, small.size());
    limiter.hit("active", 10);
    now.addAndGet(59_999);
    limiter.evictIdle();
    assertEquals(1, limiter.size());
  }
}
