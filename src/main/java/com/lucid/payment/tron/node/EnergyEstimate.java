package com.lucid.payment.tron.node;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The energy a contract call would use. First estimateenergy (java-tron 4.7.0.1+, off unless the node sets
 * vm.estimateEnergy=true); a node that answers "this node does not support estimate energy" is not asked again for
 * {@link FullNode#CHAIN_PARAMETERS_TTL_MS}. Else, or when the estimate is refused or reverts, the energy_used of
 * triggerconstantcontract, the fallback java-tron's documentation gives. Either call that runs out of CPU time is asked
 * again ({@link ConstantCalls}); when triggerconstantcontract still times out, no estimate is made up: the call fails
 * as a node failure (nothing is signed; the payout waits for the next round). A fallback that answers, but with no
 * energy, gives 0 (the fee limit is then its cap). Outages fail.
 */
final class EnergyEstimate {
  private static final Logger LOG = Logger.getLogger(EnergyEstimate.class.getName());
  private static final String NOT_SUPPORTED = "does not support";

  private final ConstantCalls calls;
  private final LongSupplier clock;
  private long estimateOffUntilMs = Long.MIN_VALUE;

  EnergyEstimate(ConstantCalls calls, LongSupplier clock) {
    this.calls = calls;
    this.clock = clock;
  }

  Future<Long> of(JsonObject call) {
    Future<Long> estimated = clock.getAsLong() < estimateOffUntilMs ? Future.succeededFuture(0L)
        : calls.call("estimateenergy", "/wallet/estimateenergy", call).map(a -> estimated(a.body()))
            .recover(err -> err instanceof NodeErrorException ? Future.succeededFuture(0L) : Future.failedFuture(err));
    return estimated.compose(energy -> energy > 0 ? Future.succeededFuture(energy) : used(call));
  }

  private long estimated(JsonObject body) {
    if (ConstantCalls.ran(body)) {
      return Math.max(0L, body.getLong("energy_required", 0L));
    }
    String message = ConstantCalls.message(body);
    if (message.toLowerCase(Locale.ROOT).contains(NOT_SUPPORTED)) {
      if (estimateOffUntilMs == Long.MIN_VALUE) {
        LOG.info(() -> "TRON node: estimateenergy is off (" + message + "); the energy of a transfer is "
            + "triggerconstantcontract's energy_used");
      }
      estimateOffUntilMs = clock.getAsLong() + FullNode.CHAIN_PARAMETERS_TTL_MS;
    }
    return 0L;
  }

  private Future<Long> used(JsonObject call) {
    return calls.call("triggerconstantcontract", "/wallet/triggerconstantcontract", call)
        .map(a -> Optional.of(a.body()))
        // an Error body (a refused call) tells no energy: the fee limit then takes its cap
        .recover(err -> err instanceof NodeErrorException ? Future.succeededFuture(Optional.empty())
            : Future.failedFuture(err))
        .compose(answer -> {
          if (answer.isEmpty()) {
            return Future.succeededFuture(0L);
          }
          JsonObject body = answer.get();
          if (ConstantCalls.timedOut(body)) {
            return Future.failedFuture(new NodeErrorException("triggerconstantcontract", "the node ran out of CPU "
                + "time " + ConstantCalls.MAX_ATTEMPTS + " times: " + ConstantCalls.message(body)));
          }
          return Future.succeededFuture(ConstantCalls.ran(body) ? Math.max(0L, body.getLong("energy_used", 0L)) : 0L);
        });
  }
}
