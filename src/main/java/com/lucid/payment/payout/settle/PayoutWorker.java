package com.lucid.payment.payout.settle;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.audit.PayoutSealer;
import com.lucid.payment.payout.audit.Quarantine;
import com.lucid.payment.payout.model.HoldReason;
import com.lucid.payment.payout.model.Payout;
import com.lucid.payment.payout.model.PayoutDocuments;
import com.lucid.payment.payout.model.PayoutFields;
import com.lucid.payment.payout.model.PayoutLookups;
import com.lucid.payment.payout.model.PayoutRepository;
import com.lucid.payment.payout.model.PayoutStatus;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Moves payouts along, one claimed payout at a time, entirely from what is stored, so a restart anywhere resumes
 * where the store says: sign, persist the signed bytes, then broadcast ({@link Signing}); rebroadcast the same bytes
 * while the attempt may land, and sign a new attempt only once the previous one is definitively dead
 * ({@link Watching}). Nothing a stored payout says is acted on unless its seals hold.
 */
public final class PayoutWorker {
  private static final Logger LOG = Logger.getLogger(PayoutWorker.class.getName());
  /** Processing payouts looked after per round, at most. */
  private static final int WATCH_BATCH = 200;
  private static final long MAX_BACKOFF_MS = 10_000;
  /** A payout held for a decision only an admin can take is not looked at again by itself. */
  private static final Instant FOREVER = Instant.ofEpochMilli(Long.MAX_VALUE);

  private final PayoutRepository payouts;
  private final PayoutLookups lookups;
  private final ServiceConfig.Worker config;
  private final String owner;
  private final LeasedWrites writes;
  private final Switches switches;
  private final Funds funds;
  private final PayoutSealer sealer;
  private final Quarantine quarantine;
  private final Holding holding;
  private final Signing signing;
  private final Watching watching;

  /** The worker {@code owner} of this instance, with the parts its steps use. */
  public PayoutWorker(WorkerParts parts, ServiceConfig.Worker config, Clock clock, String owner) {
    this.payouts = parts.payouts();
    this.lookups = parts.lookups();
    this.config = config;
    this.owner = owner;
    this.writes = new LeasedWrites(payouts, clock, owner);
    this.switches = parts.switches();
    this.funds = parts.funds();
    this.sealer = parts.sealer();
    this.quarantine = parts.quarantine();
    this.holding = new Holding(writes, config);
    this.signing = new Signing(parts.bus(), writes, config);
    this.watching = new Watching(parts.bus(), writes, signing, holding, switches, parts.limits(), parts.signer(),
        parts.metrics(), config, parts.expiryProofTimeoutMs());
  }

  /**
   * One round: look after the payouts in processing that are due, then release pending ones, highest priority and
   * oldest first, only while fewer than the configured number are in flight.
   */
  public Future<Integer> round() {
    long leaseMs = config.lease().toMillis();
    Future<Integer> watched = payouts.claimDue(owner, writes.now(), leaseMs, PayoutStatus.PROCESSING, WATCH_BATCH)
        .compose(this::stepAll);
    return watched.compose(n -> lookups.count(PayoutStatus.PROCESSING)).compose(inFlight -> {
      int room = (int) Math.max(0, config.maxInFlight() - inFlight);
      return room == 0 ? Future.succeededFuture(0)
          : payouts.claimDue(owner, writes.now(), leaseMs, PayoutStatus.PENDING, room).compose(this::stepAll);
    });
  }

  /**
   * Steps the claimed payouts, with the breaker and the pause read after the claim: a pause acknowledged before a
   * payout was accepted is always seen by the round that claims it (read before the claim, it could be missed).
   */
  private Future<Integer> stepAll(List<JsonObject> claimed) {
    if (claimed.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return switches.refresh().compose(v -> Future.join(claimed.stream().map(this::step).toList()))
        .transform(done -> Future.succeededFuture(claimed.size()));
  }

  /** One payout's turn, from the document as stored: first its seals, then what it says. */
  private Future<Void> step(JsonObject stored) {
    Optional<String> broken = sealer.problem(stored);
    if (broken.isPresent()) {
      return quarantine.hold(stored, broken.get());
    }
    Payout payout;
    try {
      payout = PayoutDocuments.fromStored(stored);
    } catch (RuntimeException malformed) {
      // its lease runs out and it is looked at again; nothing it says is acted on meanwhile
      LOG.warning(() -> "payout " + stored.getValue(PayoutFields.ID) + " does not read: " + malformed);
      return Future.failedFuture(malformed);
    }
    Future<Turn> turn = switch (payout.status()) {
      case PENDING -> release(payout);
      case PROCESSING -> advance(payout);
      default -> Future.succeededFuture(Turn.OVER);
    };
    return turn.recover(err -> recover(stored, payout, err))
        .compose(t -> t.held() == null ? Future.succeededFuture() : writes.release(t.held(), t.next()));
  }

  /** A pending payout whose release time has come: held with a reason, or signed and moved to processing. */
  private Future<Turn> release(Payout payout) {
    Optional<HoldReason> hold = switches.signingBlocked().or(() -> funds.shortfall(payout.amount()));
    return hold.isPresent() ? holding.hold(payout, hold.get()) : signing.signAndBroadcast(payout);
  }

  /** A processing payout: sign a first or new attempt, or look after the live one. */
  private Future<Turn> advance(Payout payout) {
    if (payout.current().filter(a -> !a.dead()).isEmpty()) {
      Optional<HoldReason> hold = switches.signingBlocked();
      return hold.isPresent() ? holding.hold(payout, hold.get()) : signing.signAndBroadcast(payout);
    }
    return watching.watch(payout, payout.current().get())
        .compose(t -> t.goesOn() ? advance(t.held()) : Future.succeededFuture(t));
  }

  /** A write may have gone through before the failure: go on from the payout as it is now, if still ours. */
  private Future<Turn> recover(JsonObject stored, Payout payout, Throwable err) {
    ApiFailure failure = ApiFailure.from(err);
    return payouts.findStored(payout.id()).compose(found -> {
      if (failure.code() == ErrorCode.INTEGRITY_VIOLATION) {
        return quarantine.hold(found.orElse(stored), failure.getMessage()).map(Turn.OVER);
      }
      Optional<Payout> latest = found.map(PayoutDocuments::fromStored)
          .filter(p -> p.state().leaseOwner().filter(owner::equals).isPresent());
      if (latest.isPresent() && HoldReason.NEEDS_REVIEW.stored().equals(failure.details().getString("hold_reason"))) {
        return holding.needsReview(latest.get(), failure.getMessage(), FOREVER);
      }
      String why = err instanceof ReplyException ? failure.getMessage() : err.getMessage();
      LOG.warning(() -> "payout " + payout.id() + ": " + why + "; will retry");
      Instant later = writes.now().plusMillis(backoff(payout));
      return Future.succeededFuture(latest.map(p -> Turn.until(p, later)).orElse(Turn.OVER));
    });
  }

  private long backoff(Payout payout) {
    return Math.min(MAX_BACKOFF_MS, config.poll().toMillis() * (2L + payout.attempts().size()));
  }
}
