package com.lucid.payment.payout.ops;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.payout.audit.PayoutSealer;
import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.model.Actor;
import com.lucid.payment.payout.model.AuditAction;
import com.lucid.payment.payout.model.Change;
import com.lucid.payment.payout.model.HoldReason;
import com.lucid.payment.payout.model.Payout;
import com.lucid.payment.payout.model.PayoutDocuments;
import com.lucid.payment.payout.model.PayoutLookups;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutRepository;
import com.lucid.payment.payout.model.PayoutStatus;
import com.lucid.payment.payout.model.PayoutView;
import com.lucid.payment.payout.model.Settlement;
import com.lucid.payment.payout.settle.SignerDecisions;
import com.lucid.payment.tron.api.AttemptFate;
import com.lucid.payment.tron.api.PaymentClaim;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The audited admin decisions on a payout held {@code needs_review}: {@code resign} (one more attempt past the cap;
 * the signer still proves every earlier one dead first), {@code mark_paid} with a txid the chain shows paying exactly
 * this payout, or {@code cancel} (only once its last attempt is proven dead) releasing its limits. Each is recorded in
 * the payout's history with the admin, the request and the note, and logged.
 */
public final class PayoutReview {
  private static final Logger LOG = Logger.getLogger(PayoutReview.class.getName());
  private static final Set<String> FIELDS = Set.of("payout_id", "action", "txid", "note");

  private final PayoutRepository payouts;
  private final PayoutLookups lookups;
  private final LimitLedger limits;
  private final PlaneBus bus;
  private final PayoutSealer sealer;
  private final SignerDecisions signer;
  private final PayoutMetrics metrics;
  private final Clock clock;

  public PayoutReview(PayoutRepository payouts, PayoutLookups lookups, LimitLedger limits, PlaneBus bus,
      PayoutSealer sealer, SignerDecisions signer, PayoutMetrics metrics, Clock clock) {
    this.payouts = payouts;
    this.lookups = lookups;
    this.limits = limits;
    this.bus = bus;
    this.sealer = sealer;
    this.signer = signer;
    this.metrics = metrics;
    this.clock = clock;
  }

  public Future<JsonObject> review(JsonObject body, CallContext caller) {
    if (caller.knownRole() != Role.ADMIN) {
      throw new ApiFailure(ErrorCode.FORBIDDEN, "this operation needs payment:admin");
    }
    body.fieldNames().stream().filter(f -> !FIELDS.contains(f)).findFirst().ifPresent(f -> {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "unknown field " + f);
    });
    String action = text(body, "action", 20);
    String note = text(body, "note", 500);
    String id = text(body, "payout_id", 64);
    Actor actor = new Actor(caller.knownUser(), caller.requestId());
    return payouts.findStored(id).compose(found -> {
      JsonObject stored = found.orElseThrow(() -> new ApiFailure(ErrorCode.NOT_FOUND, "no such payout"));
      sealer.problem(stored).ifPresent(p -> {
        throw new ApiFailure(ErrorCode.INTEGRITY_VIOLATION, "payout " + id + " fails its integrity check: " + p);
      });
      Payout payout = PayoutDocuments.fromStored(stored);
      if (payout.status() != PayoutStatus.PROCESSING
          || payout.state().hold().filter(HoldReason.NEEDS_REVIEW::equals).isEmpty()) {
        throw new ApiFailure(ErrorCode.INVALID_STATE, "payout " + id + " is not held for review");
      }
      JsonObject audit = new JsonObject().put("action", action).put("note", note);
      Future<Payout> done = switch (action) {
        case "resign" -> resign(payout, audit, actor);
        case "mark_paid" -> markPaid(payout, text(body, "txid", 64).toLowerCase(Locale.ROOT), audit, actor);
        case "cancel" -> cancel(payout, audit, actor);
        default -> throw new ApiFailure(ErrorCode.INVALID_REQUEST, "action must be resign, mark_paid or cancel");
      };
      return done.map(p -> {
        LOG.info(() -> "admin " + actor.id() + " reviewed payout " + id + ": " + action + " (request "
            + caller.requestId() + ")");
        return PayoutView.of(p, clock.instant());
      });
    });
  }

  private Future<Payout> resign(Payout payout, JsonObject audit, Actor actor) {
    requireLastAttemptDead(payout);
    Instant now = clock.instant();
    return signer.grantResign(payout.id()).compose(v -> write(payout, Change.of().clearHold()
        .audit(AuditAction.REVIEWED, audit).releasing(now), actor));
  }

  private Future<Payout> markPaid(Payout payout, String txid, JsonObject audit, Actor actor) {
    if (!txid.matches("[0-9a-f]{64}")) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "txid must be 64 hex characters");
    }
    return lookups.txidOfAnother(txid, payout.id()).compose(taken -> {
      if (taken) {
        return Future.failedFuture(new ApiFailure(ErrorCode.INVALID_STATE, "txid " + txid
            + " is another payout's transaction"));
      }
      return bus.<AttemptFate.Confirmed>request(BusAddress.TRON_CLAIM, new PaymentClaim(payout.sealed(), txid))
          .recover(err -> Future.failedFuture(ApiFailure.from(err)));
    }).compose(c -> {
      Instant now = clock.instant();
      int confirmations = (int) Math.max(PayoutView.SOLIDIFICATION_BLOCKS, c.solidBlock() - c.block() + 1);
      Change change = Change.of().status(PayoutStatus.CONFIRMED).clearHold()
          .settled(new Settlement(txid, c.block(), c.blockTimestampMs(), c.feeSun(), c.energyUsed(), c.netUsage(),
              confirmations, now.toEpochMilli()))
          .audit(AuditAction.REVIEWED, audit.put("txid", txid))
          .audit(AuditAction.CONFIRMED, new JsonObject().put("txid", txid).put("block", c.block())
              .put("fee_sun", c.feeSun()));
      return write(payout, change, actor).onSuccess(p -> metrics.finished(p, PayoutStatus.CONFIRMED, now));
    });
  }

  private Future<Payout> cancel(Payout payout, JsonObject audit, Actor actor) {
    requireLastAttemptDead(payout);
    Change change = Change.of().status(PayoutStatus.CANCELLED).clearHold().limitsReleased()
        .audit(AuditAction.REVIEWED, audit).audit(AuditAction.CANCELLED, new JsonObject());
    return signer.grantClose(payout.id()).compose(v -> write(payout, change, actor))
        .compose(p -> limits.release(payout.terms().limitKeys(), payout.amount()).map(p));
  }

  private static void requireLastAttemptDead(Payout payout) {
    payout.current().filter(a -> !a.dead()).ifPresent(last -> {
      throw new ApiFailure(ErrorCode.INVALID_STATE, "its last attempt " + last.txid()
          + " is not proven dead: it may still land (mark it paid if it did)");
    });
  }

  /** The compare-and-set of the decision; the payout as written. */
  private Future<Payout> write(Payout payout, Change change, Actor actor) {
    return payouts.apply(payout, change, actor, clock.instant(), null).map(updated -> updated.orElseThrow(() ->
        new ApiFailure(ErrorCode.INVALID_STATE, "the payout changed meanwhile; look again and retry")));
  }

  private static String text(JsonObject body, String field, int max) {
    Object value = body.getValue(field);
    if (!(value instanceof String s) || s.isBlank() || s.length() > max) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, field + " is required: a string of 1 to " + max + " characters");
    }
    return s;
  }
}
