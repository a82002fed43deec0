package com.lucid.payment.payout.ops;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.payout.accept.PayoutService;
import com.lucid.payment.payout.audit.PayoutSealer;
import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.model.Attempts;
import com.lucid.payment.payout.model.AuditTrail;
import com.lucid.payment.payout.model.Change;
import com.lucid.payment.payout.model.PayoutDocs;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutRepository;
import com.lucid.payment.payout.model.PayoutStatus;
import com.lucid.payment.payout.settle.PayoutWorker;
import com.lucid.payment.payout.settle.SignerDecisions;
import com.lucid.payment.tron.api.AttemptFate;
import com.lucid.payment.tron.api.PaymentClaim;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
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
  private final LimitLedger limits;
  private final PlaneBus bus;
  private final PayoutSealer sealer;
  private final SignerDecisions signer;
  private final PayoutMetrics metrics;
  private final Clock clock;

  public PayoutReview(PayoutRepository payouts, LimitLedger limits, PlaneBus bus, PayoutSealer sealer,
      SignerDecisions signer, PayoutMetrics metrics, Clock clock) {
    this.payouts = payouts;
    this.limits = limits;
    this.bus = bus;
    this.sealer = sealer;
    this.signer = signer;
    this.metrics = metrics;
    this.clock = clock;
  }

  public Future<JsonObject> review(JsonObject body, CallContext caller) {
    if (PayoutService.role(caller) != Role.ADMIN) {
      throw new ApiFailure(ErrorCode.FORBIDDEN, "this operation needs payment:admin");
    }
    body.fieldNames().stream().filter(f -> !FIELDS.contains(f)).findFirst().ifPresent(f -> {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "unknown field " + f);
    });
    String action = text(body, "action", 20);
    String note = text(body, "note", 500);
    String id = text(body, "payout_id", 64);
    AuditTrail.Actor actor = new AuditTrail.Actor(PayoutService.user(caller), caller.requestId());
    return payouts.find(id).compose(found -> {
      JsonObject doc = found.orElseThrow(() -> new ApiFailure(ErrorCode.NOT_FOUND, "no such payout"));
      sealer.problem(doc).ifPresent(p -> {
        throw new ApiFailure(ErrorCode.INTEGRITY_VIOLATION, "payout " + id + " fails its integrity check: " + p);
      });
      if (PayoutDocs.status(doc) != PayoutStatus.PROCESSING
          || !PayoutWorker.NEEDS_REVIEW.equals(doc.getString("hold_reason"))) {
        throw new ApiFailure(ErrorCode.INVALID_STATE, "payout " + id + " is not held for review");
      }
      JsonObject audit = new JsonObject().put("action", action).put("note", note);
      Future<JsonObject> done = switch (action) {
        case "resign" -> resign(doc, audit, actor);
        case "mark_paid" -> markPaid(doc, text(body, "txid", 64).toLowerCase(java.util.Locale.ROOT), audit, actor);
        case "cancel" -> cancel(doc, audit, actor);
        default -> throw new ApiFailure(ErrorCode.INVALID_REQUEST, "action must be resign, mark_paid or cancel");
      };
      return done.map(d -> {
        LOG.info(() -> "admin " + actor.id() + " reviewed payout " + id + ": " + action + " (request "
            + caller.requestId() + ")");
        return PayoutDocs.view(d, clock.instant());
      });
    });
  }

  private Future<JsonObject> resign(JsonObject doc, JsonObject audit, AuditTrail.Actor actor) {
    requireLastAttemptDead(doc);
    Instant now = clock.instant();
    return signer.grantResign(doc.getString("_id")).compose(v -> write(doc, Change.of().set("hold_reason", null)
        .audit("reviewed", audit).releasing(now), actor));
  }

  private Future<JsonObject> markPaid(JsonObject doc, String txid, JsonObject audit, AuditTrail.Actor actor) {
    if (!txid.matches("[0-9a-f]{64}")) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "txid must be 64 hex characters");
    }
    JsonObject usedElsewhere = new JsonObject().put("_id", new JsonObject().put("$ne", doc.getString("_id")))
        .put("$or", new JsonArray().add(new JsonObject().put("txid", txid))
            .add(new JsonObject().put("attempts.txid", txid)));
    return payouts.count(usedElsewhere).compose(n -> {
      if (n > 0) {
        return Future.failedFuture(new ApiFailure(ErrorCode.INVALID_STATE, "txid " + txid
            + " is another payout's transaction"));
      }
      return bus.<AttemptFate.Confirmed>request(BusAddress.TRON_CLAIM, new PaymentClaim(sealer.sealed(doc), txid))
          .recover(err -> Future.failedFuture(ApiFailure.from(err)));
    }).compose(c -> {
      Instant now = clock.instant();
      Change change = Change.of().status(PayoutStatus.CONFIRMED).set("hold_reason", null).set("txid", txid)
          .set("block_number", c.block()).set("block_timestamp", c.blockTimestampMs()).set("fee_sun", c.feeSun())
          .set("energy_used", c.energyUsed()).set("net_usage", c.netUsage())
          .set("confirmations", (int) Math.max(PayoutDocs.SOLIDIFICATION_BLOCKS, c.solidBlock() - c.block() + 1))
          .set("confirmed_at", now.toEpochMilli())
          .audit("reviewed", audit.put("txid", txid))
          .audit("confirmed", new JsonObject().put("txid", txid).put("block", c.block()).put("fee_sun", c.feeSun()));
      return write(doc, change, actor).onSuccess(d -> metrics.finished(d, now));
    });
  }

  private Future<JsonObject> cancel(JsonObject doc, JsonObject audit, AuditTrail.Actor actor) {
    requireLastAttemptDead(doc);
    Instant now = clock.instant();
    Change change = Change.of().status(PayoutStatus.CANCELLED).set("hold_reason", null).set("limits_released", true)
        .audit("reviewed", audit).audit("cancelled", new JsonObject());
    return signer.grantClose(doc.getString("_id")).compose(v -> write(doc, change, actor))
        .compose(d -> limits.release(PayoutService.keysOf(doc), doc.getLong("amount")).map(d));
  }

  private static void requireLastAttemptDead(JsonObject doc) {
    JsonObject last = PayoutDocs.currentAttempt(doc);
    if (last != null && !Attempts.dead(last)) {
      throw new ApiFailure(ErrorCode.INVALID_STATE, "its last attempt " + last.getString("txid")
          + " is not proven dead: it may still land (mark it paid if it did)");
    }
  }

  /** The compare-and-set of the decision; the payout as written. */
  private Future<JsonObject> write(JsonObject doc, Change change, AuditTrail.Actor actor) {
    return payouts.apply(doc, change, actor, clock.instant(), null).map(updated -> updated.orElseThrow(() ->
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
