package com.lucid.payment.payout.settle;

import com.lucid.payment.payout.limits.SafetyBreaker;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Optional;

/** The breaker and the pause as the worker reads them once per round. */
public final class EngineSwitches implements PayoutWorker.Switches {
  private final SafetyBreaker breaker;
  private final PauseSwitch pause;
  private final Clock clock;
  private SafetyBreaker.Snapshot breakerState;
  private boolean paused;

  public EngineSwitches(SafetyBreaker breaker, PauseSwitch pause, Clock clock) {
    this.breaker = breaker;
    this.pause = pause;
    this.clock = clock;
  }

  public Future<Void> refresh() {
    return Future.all(breaker.read(clock.instant()), pause.read()).map(all -> {
      breakerState = all.resultAt(0);
      paused = ((JsonObject) all.resultAt(1)).getBoolean("paused", false);
      return null;
    });
  }

  public SafetyBreaker.Snapshot breaker() {
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

  /**
   * A success changes the breaker only when it is not closed or counts failures; when this round's read says it is
   * closed and clean (failures recorded since by this instance update that read), there is nothing to store.
   */
  @Override
  public Future<Void> onConfirmed() {
    if (breakerState != null && breakerState.state() == SafetyBreaker.State.CLOSED
        && breakerState.consecutiveFailures() == 0) {
      return Future.succeededFuture();
    }
    return breaker.success(clock.instant()).map(s -> {
      breakerState = s;
      return null;
    });
  }
}
