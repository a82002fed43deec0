package com.lucid.payment.payout;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Optional;

/** The breaker and the pause as the worker reads them once per round. */
final class EngineSwitches implements PayoutWorker.Switches {
  private final SafetyBreaker breaker;
  private final PauseSwitch pause;
  private final Clock clock;
  private SafetyBreaker.Snapshot breakerState;
  private boolean paused;

  EngineSwitches(SafetyBreaker breaker, PauseSwitch pause, Clock clock) {
    this.breaker = breaker;
    this.pause = pause;
    this.clock = clock;
  }

  Future<Void> refresh() {
    return Future.all(breaker.read(clock.instant()), pause.read()).map(all -> {
      breakerState = all.resultAt(0);
      paused = ((JsonObject) all.resultAt(1)).getBoolean("paused", false);
      return null;
    });
  }

  SafetyBreaker.Snapshot breaker() {
    return breakerState;
  }

  @Override
  public Optional<String> signingBlocked() {
    if (paused) {
      return Optional.of("paused");
    }
    if (breakerState != null && !breakerState.allowsSigning()) {
      return Optional.of("circuit_breaker_open");
    }
    return Optional.empty();
  }

  @Override
  public Future<Void> onChainFailure(String result) {
    return breaker.failure(result, clock.instant()).map(s -> {
      breakerState = s;
      return null;
    });
  }

  @Override
  public Future<Void> onConfirmed() {
    return breaker.success(clock.instant()).map(s -> {
      breakerState = s;
      return null;
    });
  }
}
