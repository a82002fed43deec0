package com.lucid.payment.crash;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that does what the API asks of one: a request that got no answer (or "not now") is sent again, same key,
 * same body, until it gets a definitive one. Every order here is valid, so the definitive answer must be acceptance.
 */
final class IdempotentClient {
  private final PayoutsApi api;
  private final String context;
  private final AtomicInteger unanswered = new AtomicInteger();
  private final AtomicInteger replayed = new AtomicInteger();
  private final AtomicInteger keysKeptWaiting = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();

  IdempotentClient(PayoutsApi api, String context) {
    this.api = api;
    this.context = context;
  }

  /** Sends the order until it is accepted; returns the payout the service answered with. */
  JsonObject submit(PayoutOrder order) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    boolean retry = false;
    boolean keptWaiting = false;
    while (System.nanoTime() < deadline) {
      PayoutsApi.Answer answer;
      inFlight.incrementAndGet();
      try {
        answer = api.create(order.key(), order.body());
      } finally {
        inFlight.decrementAndGet();
      }
      if (answer instanceof PayoutsApi.Accepted accepted) {
        if (accepted.replayed()) {
          replayed.incrementAndGet();
        }
        if (keptWaiting) {
          keysKeptWaiting.incrementAndGet();
        }
        if (accepted.replayed() && !retry) {
          throw new AssertionError(context + ": the first request with key " + order.key() + " was a replay");
        }
        return accepted.payout();
      }
      if (answer instanceof PayoutsApi.Refused refused && !refused.retryable()) {
        throw new AssertionError(context + ": order " + order.key() + " refused: " + refused);
      }
      // the scenario's client backs off before it retries, as a real one would: a pause, not a wait
      if (answer instanceof PayoutsApi.NoAnswer) {
        unanswered.incrementAndGet();
        Thread.sleep(100);
      } else {
        keptWaiting = true;
        Thread.sleep(250);
      }
      retry = true;
    }
    throw new AssertionError(context + ": order " + order.key() + " got no definitive answer");
  }

  /** Requests sent and not yet answered, right now. */
  int inFlight() {
    return inFlight.get();
  }

  /** Requests that got no answer at all (the connection was cut, or nothing listened). */
  int unanswered() {
    return unanswered.get();
  }

  /**
   * Keys answered "not now" before they were accepted: typically a first request cut between claiming its key and
   * writing its payout, whose claim the service takes over once it is stale.
   */
  int keysKeptWaiting() {
    return keysKeptWaiting.get();
  }

  /** Retries that found the payout already made and got it back (200, Idempotent-Replayed). */
  int replayed() {
    return replayed.get();
  }
}
