package com.lucid.payment.payout.settle;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.accept.PayoutService;
import com.lucid.payment.payout.audit.PayoutSealer;
import com.lucid.payment.payout.audit.Quarantine;
import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.model.Attempts;
import com.lucid.payment.payout.model.AuditTrail;
import com.lucid.payment.payout.model.Change;
import com.lucid.payment.payout.model.PayoutDocs;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutRepository;
import com.lucid.payment.payout.model.PayoutStatus;
import com.lucid.payment.tron.api.AttemptFate;
import com.lucid.payment.tron.api.AttemptRef;
import com.lucid.payment.tron.api.BroadcastOutcome;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.api.TransferOrder;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Moves payouts along, one claimed payout at a time, entirely from what is stored, so a restart anywhere resumes
 * where the store says: sign, persist the signed bytes, then broadcast; rebroadcast the same bytes while the attempt
 * may land; sign a new attempt only once the previous one is definitively dead; confirm only on a solidified SUCCESS
 * with the exact Transfer log.
 */
public final class PayoutWorker {
  private static final Logger LOG = Logger.getLogger(PayoutWorker.class.getName());
  private static final JsonArray PROCESSING = new JsonArray().add("processing");
  private static final JsonArray PENDING = new JsonArray().add("pending");
  /** Processing payouts looked after per round, at most. */
  private static final int WATCH_BATCH = 200;
  private static final long REBROADCAST_MS = 3_000;
  private static final long MAX_BACKOFF_MS = 10_000;
  /** An included attempt is looked at again at least every this many configured rechecks, whatever the estimate. */
  private static final long MAX_RECHECK_FACTOR = 20;
  /** An expired attempt not yet proven dead is looked at again at least this often. */
  private static final long MAX_UNDECIDED_RECHECK_MS = 60_000;
  /** A payout held for a decision only an admin can take is not looked at again by itself. */
  private static final Instant FOREVER = Instant.ofEpochMilli(Long.MAX_VALUE);
  public static final String NEEDS_REVIEW = "needs_review";

  private final PayoutRepository payouts;
  private final LimitLedger limits;
  private final PlaneBus bus;
  private final ServiceConfig.Payouts config;
  private final PayoutMetrics metrics;
  private final Clock clock;
  private final String owner;
  private final AuditTrail.Actor actor;
  private final Funds funds;
  private final Switches switches;
  private final PayoutSealer sealer;
  private final Quarantine quarantine;
  private final SignerDecisions signer;
  private final long expiryProofTimeoutMs;

  public PayoutWorker(PayoutRepository payouts, LimitLedger limits, PlaneBus bus, ServiceConfig.Payouts config,
      PayoutMetrics metrics, Clock clock, String owner, Funds funds, Switches switches, PayoutSealer sealer,
      Quarantine quarantine, SignerDecisions signer, long expiryProofTimeoutMs) {
    this.payouts = payouts;
    this.limits = limits;
    this.bus = bus;
    this.config = config;
    this.metrics = metrics;
    this.clock = clock;
    this.owner = owner;
    this.actor = AuditTrail.Actor.worker(owner);
    this.funds = funds;
    this.switches = switches;
    this.sealer = sealer;
    this.quarantine = quarantine;
    this.signer = signer;
    this.expiryProofTimeoutMs = expiryProofTimeoutMs;
  }

  /** Engine-wide switches, read once per round. */
  public interface Switches {
    /** Why nothing new may be signed now ("paused", "circuit_breaker_open"), or empty. */
    Optional<String> signingBlocked();

    Future<Void> onChainFailure(String result);

    Future<Void> onConfirmed();
  }

  /** The hot wallet's funds, checked before a payout is released for signing. */
  public interface Funds {
    /** Why the wallet cannot pay this amount now ("insufficient_usdt", "insufficient_trx"), or empty. */
    Optional<String> shortfall(long amount);
  }

  /**
   * One round: look after the payouts in processing that are due, then release pending ones, highest priority and
   * oldest first, only while fewer than the configured number are in flight.
   */
  public Future<Integer> round() {
    Instant now = clock.instant();
    long leaseMs = config.worker().lease().toMillis();
    Future<Integer> watched = payouts.claimDue(owner, now, leaseMs, PROCESSING, WATCH_BATCH).compose(this::stepAll);
    return watched.compose(n -> payouts.count(new JsonObject().put("status", PayoutStatus.PROCESSING.api())))
        .compose(inFlight -> {
          int room = (int) Math.max(0, config.worker().maxInFlight() - inFlight);
          return room == 0 ? Future.succeededFuture(0)
              : payouts.claimDue(owner, clock.instant(), leaseMs, PENDING, room).compose(this::stepAll);
        });
  }

  private Future<Integer> stepAll(List<JsonObject> claimed) {
    return Future.join(claimed.stream().map(this::step).toList())
        .transform(done -> Future.succeededFuture(claimed.size()));
  }

  /**
   * How a worker's turn on a payout ended: still holding the lease on {@code held} (the payout as last written or
   * read) until it is freed to be looked at again at {@code next}, or over (the last write freed the lease, a race
   * was lost, or the payout is final).
   */
  private record Turn(JsonObject held, Instant next) {
    static final Turn OVER = new Turn(null, null);
  }

  /** One payout's turn: nothing it says is acted on unless its seals hold. */
  private Future<Void> step(JsonObject doc) {
    Optional<String> broken = sealer.problem(doc);
    if (broken.isPresent()) {
      return quarantine.hold(doc, broken.get());
    }
    Future<Turn> turn = switch (PayoutDocs.status(doc)) {
      case PENDING -> release(doc);
      case PROCESSING -> advance(doc);
      default -> Future.succeededFuture(Turn.OVER);
    };
    return turn.recover(err -> {
      ApiFailure failure = ApiFailure.from(err);
      // a write may have gone through before the failure: go on from the payout as it is now, if still ours
      return payouts.find(doc.getString("_id")).compose(found -> {
        Optional<JsonObject> latest = found.filter(d -> owner.equals(d.getString("lease_owner")));
        if (failure.code() == ErrorCode.INTEGRITY_VIOLATION) {
          return quarantine.hold(found.orElse(doc), failure.getMessage()).map(Turn.OVER);
        }
        if (latest.isPresent() && NEEDS_REVIEW.equals(failure.details().getString("hold_reason"))) {
          return needsReview(latest.get(), failure.getMessage(), FOREVER);
        }
        String why = err instanceof io.vertx.core.eventbus.ReplyException ? failure.getMessage() : err.getMessage();
        LOG.warning(() -> "payout " + doc.getString("_id") + ": " + why + "; will retry");
        Instant later = clock.instant().plusMillis(backoff(doc));
        return Future.succeededFuture(latest.map(d -> new Turn(d, later)).orElse(Turn.OVER));
      });
    }).compose(t -> t.held() == null ? Future.succeededFuture() : payouts.release(t.held(), owner, t.next()));
  }

  private long backoff(JsonObject doc) {
    int attempts = doc.getInteger("attempt_count", 0);
    return Math.min(MAX_BACKOFF_MS, config.worker().poll().toMillis() * (2L + attempts));
  }

  /** A pending payout whose release time has come: held with a reason, or signed and moved to processing. */
  private Future<Turn> release(JsonObject doc) {
    Optional<String> hold = switches.signingBlocked().or(() -> funds.shortfall(doc.getLong("amount")));
    return hold.isPresent() ? hold(doc, hold.get()) : signAndBroadcast(doc);
  }

  private Future<Turn> hold(JsonObject doc, String reason) {
    return hold(doc, reason, null, clock.instant().plusMillis(Math.max(config.worker().poll().toMillis() * 5L, 1_000)));
  }

  private Future<Turn> hold(JsonObject doc, String reason, String why, Instant later) {
    if (reason.equals(doc.getString("hold_reason"))) {
      return Future.succeededFuture(new Turn(doc, later));
    }
    JsonObject detail = new JsonObject().put("reason", reason);
    if (why != null) {
      detail.put("why", why);
    }
    Change change = Change.of().set("hold_reason", reason).audit("held", detail).releasing(later);
    return applyLast(doc, change).map(Turn.OVER);
  }

  /** Held for a person's decision (an audited admin review), with an alert, until {@code later}. */
  private Future<Turn> needsReview(JsonObject doc, String why, Instant later) {
    if (!NEEDS_REVIEW.equals(doc.getString("hold_reason"))) {
      LOG.severe(() -> "payout " + doc.getString("_id") + " needs review: " + why);
    }
    return hold(doc, NEEDS_REVIEW, why, later);
  }

  /** A processing payout: sign a first or new attempt, or look after the live one. */
  private Future<Turn> advance(JsonObject doc) {
    JsonObject attempt = PayoutDocs.currentAttempt(doc);
    if (attempt == null || Attempts.dead(attempt)) {
      Optional<String> hold = switches.signingBlocked();
      return hold.isPresent() ? hold(doc, hold.get()) : signAndBroadcast(doc);
    }
    return watch(doc, attempt);
  }

  /**
   * Signs the next attempt (the TRON client never broadcasts while signing), then persists it, with the release to
   * processing when the payout was pending, in one compare-and-set before the first broadcast; if that write loses,
   * the signed bytes are dropped unsent.
   */
  private Future<Turn> signAndBroadcast(JsonObject doc) {
    int n = doc.getInteger("attempt_count", 0) + 1;
    int feePercent = Attempts.feeLimitPercent(doc);
    TransferOrder order = new TransferOrder(sealer.sealed(doc), n, feePercent);
    return bus.<SignedAttempt>request(BusAddress.TRON_SIGN, order).compose(signed -> {
      JsonObject attempt = Attempts.signed(signed, feePercent);
      Change change = Change.of();
      if (PayoutDocs.status(doc) == PayoutStatus.PENDING) {
        change.status(PayoutStatus.PROCESSING).audit("released", new JsonObject());
      }
      change.attempts(Attempts.withNew(doc, attempt)).set("hold_reason", null)
          .audit("signed", new JsonObject().put("attempt", n).put("txid", signed.txid())
              .put("expiration_ms", signed.expirationMs()).put("fee_limit_sun", signed.feeLimitSun()));
      return apply(doc, change).compose(updated -> updated
          .map(d -> broadcast(d, PayoutDocs.currentAttempt(d)))
          .orElse(Future.succeededFuture(Turn.OVER)));
    });
  }

  /** Sends the attempt's bytes and records the outcome in the write that ends the turn. */
  private Future<Turn> broadcast(JsonObject doc, JsonObject attempt) {
    AttemptRef signed = new AttemptRef(sealer.sealed(doc), PayoutSealer.attempt(doc, attempt));
    return bus.<BroadcastOutcome>request(BusAddress.TRON_BROADCAST, signed).compose(outcome -> {
      JsonObject updated = attempt.copy().put("broadcasts", attempt.getInteger("broadcasts", 0) + 1)
          .put("last_broadcast_at", clock.millis()).put("last_outcome", outcome.kind().name())
          .put("last_code", outcome.code());
      Change change = Change.of().attempts(Attempts.withLast(doc, updated))
          .releasing(clock.instant().plusMillis(config.worker().chainRecheck().toMillis()));
      boolean changed = !outcome.kind().name().equals(attempt.getString("last_outcome"));
      if (changed) {
        change.audit("broadcast", new JsonObject().put("attempt", attempt.getInteger("n"))
            .put("outcome", outcome.kind().name()).put("code", outcome.code()));
      }
      if ("BANDWITH_ERROR".equals(outcome.code())) {
        change.set("hold_reason", "insufficient_trx");
      }
      return applyLast(doc, change).map(Turn.OVER);
    });
  }

  /** The live attempt: rebroadcast while nothing knows it, and settle it once the solidified chain decides. */
  private Future<Turn> watch(JsonObject doc, JsonObject attempt) {
    AttemptRef query = new AttemptRef(sealer.sealed(doc), PayoutSealer.attempt(doc, attempt));
    return bus.<AttemptFate>request(BusAddress.TRON_FATE, query).compose(fate -> {
      if (fate instanceof AttemptFate.Confirmed c) {
        return confirm(doc, attempt, c);
      }
      if (fate instanceof AttemptFate.Failed f) {
        return failedOnChain(doc, attempt, f);
      }
      if (fate instanceof AttemptFate.Expired) {
        Change change = Change.of().attempts(Attempts.withLast(doc, attempt.copy().put("fate", Attempts.EXPIRED)))
            .audit("attempt_expired", new JsonObject().put("attempt", attempt.getInteger("n"))
                .put("txid", attempt.getString("txid")));
        // dead for good: the next attempt may be signed in this same turn
        return apply(doc, change).compose(u -> u.map(this::advance).orElse(Future.succeededFuture(Turn.OVER)));
      }
      if (fate instanceof AttemptFate.Undecided u) {
        return undecided(doc, attempt, u);
      }
      if (fate instanceof AttemptFate.Mismatch m) {
        metrics.counter("tron_payout_chain_mismatch_total", "router_type", doc.getString("router_type"));
        LOG.severe(() -> "payout " + doc.getString("_id") + " txid " + attempt.getString("txid")
            + ": solidified but not as signed: " + m.why());
        return hold(doc, "chain_mismatch");
      }
      boolean unseen = fate instanceof AttemptFate.Unknown;
      long sinceBroadcast = clock.millis() - attempt.getLong("last_broadcast_at", 0L);
      if (attempt.getInteger("broadcasts", 0) == 0 || (unseen && sinceBroadcast >= REBROADCAST_MS
          && !"REJECTED".equals(attempt.getString("last_outcome")))) {
        return broadcast(doc, attempt);
      }
      return Future.succeededFuture(new Turn(doc, clock.instant().plusMillis(recheckMs(fate))));
    });
  }

  /**
   * An attempt past its expiration that the chain does not yet prove dead: never signed again on this; looked at again
   * less often the longer it lasts, and once that has lasted past the proof timeout, held for review (and still
   * looked at, so that evidence that comes later settles it).
   */
  private Future<Turn> undecided(JsonObject doc, JsonObject attempt, AttemptFate.Undecided u) {
    long since = clock.millis() - attempt.getLong("expiration_ms");
    Instant later = clock.instant().plusMillis(Math.min(MAX_UNDECIDED_RECHECK_MS,
        Math.max(config.worker().chainRecheck().toMillis(), since / 4)));
    if (since > expiryProofTimeoutMs) {
      return needsReview(doc, "attempt " + attempt.getInteger("n") + " (" + attempt.getString("txid")
          + ") expired " + since / 1000 + " s ago and the chain does not prove it dead: " + u.why(), later);
    }
    LOG.fine(() -> "payout " + doc.getString("_id") + ": attempt " + attempt.getInteger("n")
        + " not yet proven dead: " + u.why());
    return Future.succeededFuture(new Turn(doc, later));
  }

  /**
   * When to look again at a live attempt: when the chain should have made it final if it is in a block (looking
   * earlier only finds it unsettled), else after the configured recheck.
   */
  private long recheckMs(AttemptFate fate) {
    if (fate instanceof AttemptFate.Included i && i.finalInMs() > 0) {
      return Math.min(i.finalInMs(), MAX_RECHECK_FACTOR * config.worker().chainRecheck().toMillis());
    }
    return config.worker().chainRecheck().toMillis();
  }

  private Future<Turn> confirm(JsonObject doc, JsonObject attempt, AttemptFate.Confirmed c) {
    Instant now = clock.instant();
    Change change = Change.of().status(PayoutStatus.CONFIRMED)
        .attempts(Attempts.withLast(doc, attempt.copy().put("fate", Attempts.CONFIRMED).put("result", "SUCCESS")))
        .set("hold_reason", null)
        .set("txid", attempt.getString("txid"))
        .set("block_number", c.block())
        .set("block_timestamp", c.blockTimestampMs())
        .set("fee_sun", c.feeSun())
        .set("energy_used", c.energyUsed())
        .set("net_usage", c.netUsage())
        .set("confirmations", (int) Math.max(PayoutDocs.SOLIDIFICATION_BLOCKS, c.solidBlock() - c.block() + 1))
        .set("confirmed_at", now.toEpochMilli())
        .audit("confirmed", new JsonObject().put("txid", attempt.getString("txid")).put("block", c.block())
            .put("fee_sun", c.feeSun()));
    return applyLast(doc, change).compose(won -> {
      if (!won) {
        return Future.succeededFuture(Turn.OVER);
      }
      // a shallow copy: the metrics read top-level fields only
      metrics.finished(new JsonObject(new java.util.HashMap<>(doc.getMap()))
          .put("status", PayoutStatus.CONFIRMED.api()), now);
      return switches.onConfirmed().map(Turn.OVER);
    });
  }

  private Future<Turn> failedOnChain(JsonObject doc, JsonObject attempt, AttemptFate.Failed f) {
    Instant now = clock.instant();
    int retries = doc.getInteger("retries_used", 0) + 1;
    JsonObject dead = attempt.copy().put("fate", Attempts.FAILED).put("result", f.result())
        .put("message", f.message()).put("fee_sun", f.feeSun());
    boolean giveUp = retries > config.worker().maxRetries();
    Change change = Change.of().attempts(Attempts.withLast(doc, dead)).set("retries_used", retries)
        .audit("attempt_failed", new JsonObject().put("attempt", attempt.getInteger("n"))
            .put("txid", attempt.getString("txid")).put("result", f.result()).put("message", f.message()));
    if (giveUp) {
      change.status(PayoutStatus.FAILED).set("failure_code", f.result()).set("limits_released", true)
          .set("failure_message", "failed on chain " + retries + " times, last: " + f.result()
              + (f.message().isEmpty() ? "" : " (" + f.message() + ")"))
          .audit("failed", new JsonObject().put("attempts", retries).put("result", f.result()));
    }
    return apply(doc, change).compose(u -> {
      if (u.isEmpty()) {
        return Future.succeededFuture(Turn.OVER);
      }
      Future<Void> after = switches.onChainFailure(f.result());
      if (giveUp) {
        metrics.finished(u.get(), now);
        after = after.compose(v -> limits.release(PayoutService.keysOf(doc), doc.getLong("amount")))
            .compose(v -> signer.closed(doc.getString("_id")));
      }
      // the breaker has counted this failure before anything may sign the next attempt
      return after.map(v -> giveUp ? Turn.OVER : new Turn(u.get(), clock.instant()));
    });
  }

  private Future<Optional<JsonObject>> apply(JsonObject doc, Change change) {
    return payouts.apply(doc, change, actor, clock.instant(), owner);
  }

  /** A write that ends the turn: only whether it won matters. */
  private Future<Boolean> applyLast(JsonObject doc, Change change) {
    return payouts.applyLast(doc, change, actor, clock.instant(), owner);
  }
}
