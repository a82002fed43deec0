package com.lucid.payment.payout.settle;

import com.lucid.payment.payout.model.HoldReason;
import io.vertx.core.Future;
import java.util.Optional;

/** The engine-wide switches as the worker reads them after each claim of a round, and what it tells them. */
public interface Switches {
  /** Reads the breaker and the pause again; what {@link #signingBlocked} answers until the next read. */
  Future<Void> refresh();

  /** Why nothing new may be signed now (paused, circuit_breaker_open), or empty. */
  Optional<HoldReason> signingBlocked();

  Future<Void> onChainFailure(String result);

  Future<Void> onConfirmed();
}
