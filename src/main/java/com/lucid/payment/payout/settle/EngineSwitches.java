package com.lucid.payment.payout.settle;

import com.lucid.payment.payout.limits.SafetyBreaker;
import com.lucid.payment.payout.model.HoldReason;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Optional;

/** The breaker and the pause as the worker reads them once per round. */
public final class EngineSwitches implements Switches {
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

  @Override
  public Future<Void> refresh() {
    return Future.all(breaker.read(clock.instant()), pause.paused()).map(all -> {
      breakerState = all.resultAt(0);
      paused = all.<Boolean>resultAt(1);
      return null;
    });
  }

  public SafetyBreaker.Snapshot breaker() {
    return breakerState;
  }

  @Override
  public Optional<HoldReason> signingBlocked() {
    if (paused) {
      return Optional.of(HoldReason.PAUSED);
    }
    if (breakerState != null && !breakerState.allowsSigning()) {
      return Optional.of(HoldReason.CIRCUIT_BREAKER_OPEN);
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
