package com.lucid.payment.payout.settle;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.model.Attempt;
import com.lucid.payment.payout.model.AuditAction;
import com.lucid.payment.payout.model.Change;
import com.lucid.payment.payout.model.HoldReason;
import com.lucid.payment.payout.model.Payout;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutStatus;
import com.lucid.payment.payout.model.PayoutView;
import com.lucid.payment.payout.model.Settlement;
import com.lucid.payment.tron.api.AttemptFate;
import com.lucid.payment.tron.api.AttemptRef;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The live attempt, as the solidified chain decides it: rebroadcast while nothing knows it; confirmed only on a
 * solidified SUCCESS with the exact Transfer log; failed on chain (a new attempt, or failed for good past the
 * retries); expired and proven dead (the next attempt may be signed at once); unclear, looked at again with
 * backoff and, past the proof timeout, held for review; solidified but not as signed, held.
 */
final class Watching {
  private static final Logger LOG = Logger.getLogger(Watching.class.getName());
  private static final long REBROADCAST_MS = 3_000;
  /** An included attempt is looked at again at least every this many configured rechecks, whatever the estimate. */
  private static final long MAX_RECHECK_FACTOR = 20;
  /** An expired attempt not yet proven dead is looked at again at least this often. */
  private static final long MAX_UNDECIDED_RECHECK_MS = 60_000;
  private static final String REJECTED = "REJECTED";

  private final PlaneBus bus;
  private final LeasedWrites writes;
  private final Signing signing;
  private final Holding holding;
  private final Switches switches;
  private final LimitLedger limits;
  private final SignerDecisions signer;
  private final PayoutMetrics metrics;
  private final ServiceConfig.Worker config;
  private final long expiryProofTimeoutMs;

  Watching(PlaneBus bus, LeasedWrites writes, Signing signing, Holding holding, Switches switches,
      LimitLedger limits, SignerDecisions signer, PayoutMetrics metrics, ServiceConfig.Worker config,
      long expiryProofTimeoutMs) {
    this.bus = bus;
    this.writes = writes;
    this.signing = signing;
    this.holding = holding;
    this.switches = switches;
    this.limits = limits;
    this.signer = signer;
    this.metrics = metrics;
    this.config = config;
    this.expiryProofTimeoutMs = expiryProofTimeoutMs;
  }

  Future<Turn> watch(Payout payout, Attempt attempt) {
    AttemptRef query = new AttemptRef(payout.sealed(), attempt.signedAttempt(payout.id()));
    return bus.<AttemptFate>request(BusAddress.TRON_FATE, query).compose(fate -> {
      if (fate instanceof AttemptFate.Confirmed c) {
        return confirm(payout, attempt, c);
      }
      if (fate instanceof AttemptFate.Failed f) {
        return failedOnChain(payout, attempt, f);
      }
      if (fate instanceof AttemptFate.Expired) {
        Change change = Change.of().attempts(payout.withLast(attempt.expired()))
            .audit(AuditAction.ATTEMPT_EXPIRED, new JsonObject().put("attempt", attempt.n())
                .put("txid", attempt.txid()));
        return writes.apply(payout, change).map(u -> u.map(Turn::goOn).orElse(Turn.OVER));
      }
      if (fate instanceof AttemptFate.Undecided u) {
        return undecided(payout, attempt, u);
      }
      if (fate instanceof AttemptFate.Mismatch m) {
        metrics.counter("tron_payout_chain_mismatch_total", "router_type", payout.router().name());
        LOG.severe(() -> "payout " + payout.id() + " txid " + attempt.txid() + ": solidified but not as signed: "
            + m.why());
        return holding.hold(payout, HoldReason.CHAIN_MISMATCH);
      }
      boolean unseen = fate instanceof AttemptFate.Unknown;
      long sinceBroadcast = writes.millis() - attempt.lastBroadcastAt();
      if (attempt.broadcasts() == 0 || (unseen && sinceBroadcast >= REBROADCAST_MS
          && !REJECTED.equals(attempt.lastOutcome()))) {
        return signing.broadcast(payout, attempt);
      }
      return Future.succeededFuture(Turn.until(payout, writes.now().plusMillis(recheckMs(fate))));
    });
  }

  /**
   * An attempt past its expiration that the chain does not yet prove dead: never signed again on this; looked at again
   * less often the longer it lasts, and once that has lasted past the proof timeout, held for review (and still
   * looked at, so that evidence that comes later settles it).
   */
  private Future<Turn> undecided(Payout payout, Attempt attempt, AttemptFate.Undecided u) {
    long since = writes.millis() - attempt.expirationMs();
    long recheck = config.chainRecheck().toMillis();
    Instant later = writes.now().plusMillis(Math.min(MAX_UNDECIDED_RECHECK_MS, Math.max(recheck, since / 4)));
    if (since > expiryProofTimeoutMs) {
      return holding.needsReview(payout, "attempt " + attempt.n() + " (" + attempt.txid() + ") expired "
          + since / 1000 + " s ago and the chain does not prove it dead: " + u.why(), later);
    }
    LOG.fine(() -> "payout " + payout.id() + ": attempt " + attempt.n() + " not yet proven dead: " + u.why());
    return Future.succeededFuture(Turn.until(payout, later));
  }

  /**
   * When to look again at a live attempt: when the chain should have made it final if it is in a block (looking
   * earlier only finds it unsettled), else after the configured recheck.
   */
  private long recheckMs(AttemptFate fate) {
    long recheck = config.chainRecheck().toMillis();
    if (fate instanceof AttemptFate.Included i && i.finalInMs() > 0) {
      return Math.min(i.finalInMs(), MAX_RECHECK_FACTOR * recheck);
    }
    return recheck;
  }

  private Future<Turn> confirm(Payout payout, Attempt attempt, AttemptFate.Confirmed c) {
    Instant now = writes.now();
    int confirmations = (int) Math.max(PayoutView.SOLIDIFICATION_BLOCKS, c.solidBlock() - c.block() + 1);
    Change change = Change.of().status(PayoutStatus.CONFIRMED).attempts(payout.withLast(attempt.confirmed()))
        .clearHold()
        .settled(new Settlement(attempt.txid(), c.block(), c.blockTimestampMs(), c.feeSun(), c.energyUsed(),
            c.netUsage(), confirmations, now.toEpochMilli()))
        .audit(AuditAction.CONFIRMED, new JsonObject().put("txid", attempt.txid()).put("block", c.block())
            .put("fee_sun", c.feeSun()));
    return writes.applyLast(payout, change).compose(won -> {
      if (!won) {
        return Future.succeededFuture(Turn.OVER);
      }
      metrics.finished(payout, PayoutStatus.CONFIRMED, now);
      return switches.onConfirmed().map(Turn.OVER);
    });
  }

  private Future<Turn> failedOnChain(Payout payout, Attempt attempt, AttemptFate.Failed f) {
    Instant now = writes.now();
    int retries = payout.state().retriesUsed() + 1;
    boolean giveUp = retries > config.maxRetries();
    Change change = Change.of().attempts(payout.withLast(attempt.failed(f.result(), f.message(), f.feeSun())))
        .retriesUsed(retries)
        .audit(AuditAction.ATTEMPT_FAILED, new JsonObject().put("attempt", attempt.n()).put("txid", attempt.txid())
            .put("result", f.result()).put("message", f.message()));
    if (giveUp) {
      change.status(PayoutStatus.FAILED).limitsReleased()
          .failed(f.result(), "failed on chain " + retries + " times, last: " + f.result()
              + (f.message().isEmpty() ? "" : " (" + f.message() + ")"))
          .audit(AuditAction.FAILED, new JsonObject().put("attempts", retries).put("result", f.result()));
    }
    return writes.apply(payout, change).compose(u -> {
      if (u.isEmpty()) {
        return Future.succeededFuture(Turn.OVER);
      }
      Future<Void> after = switches.onChainFailure(f.result());
      if (giveUp) {
        metrics.finished(u.get(), PayoutStatus.FAILED, now);
        after = after.compose(v -> limits.release(payout.terms().limitKeys(), payout.amount()))
            .compose(v -> signer.closed(payout.id()));
      }
      // the breaker has counted this failure before anything may sign the next attempt
      return after.map(v -> giveUp ? Turn.OVER : Turn.until(u.get(), writes.now()));
    });
  }
}
