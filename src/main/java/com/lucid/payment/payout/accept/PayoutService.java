package com.lucid.payment.payout.accept;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.audit.PayoutSealer;
import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.limits.SafetyBreaker;
import com.lucid.payment.payout.model.AuditTrail;
import com.lucid.payment.payout.model.Canonical;
import com.lucid.payment.payout.model.Change;
import com.lucid.payment.payout.model.NewPayout;
import com.lucid.payment.payout.model.PayoutDocs;
import com.lucid.payment.payout.model.PayoutIds;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutRepository;
import com.lucid.payment.payout.model.PayoutStatus;
import com.lucid.payment.payout.model.RouterType;
import com.lucid.payment.payout.settle.SignerDecisions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The payout operations callers use (over HTTP via the gateway, or over the bus): the same rules for both. */
public final class PayoutService {
  private final PayoutRepository payouts;
  private final IdempotencyKeys keys;
  private final LimitLedger limits;
  private final SafetyBreaker breaker;
  private final PayoutRequests requests;
  private final ServiceConfig.Payouts config;
  private final PayoutMetrics metrics;
  private final Clock clock;
  private final AcceptGroups groups;
  private final PayoutSealer sealer;
  private final SignerDecisions signer;

  public PayoutService(PayoutRepository payouts, IdempotencyKeys keys, LimitLedger limits, SafetyBreaker breaker,
      PayoutRequests requests, ServiceConfig.Payouts config, PayoutMetrics metrics, Clock clock,
      PayoutSealer sealer, SignerDecisions signer) {
    this.payouts = payouts;
    this.keys = keys;
    this.limits = limits;
    this.breaker = breaker;
    this.requests = requests;
    this.config = config;
    this.metrics = metrics;
    this.clock = clock;
    this.sealer = sealer;
    this.signer = signer;
    this.groups = new AcceptGroups(payouts, keys, limits, breaker, config, metrics, this::repeat, sealer);
  }

  /** The caller's role; a call without one is refused. */
  public static Role role(CallContext caller) {
    return Role.fromClaim(caller.role())
        .orElseThrow(() -> new ApiFailure(ErrorCode.FORBIDDEN, "the caller has no known role"));
  }

  public static String user(CallContext caller) {
    if (caller.userId() == null || caller.userId().isBlank()) {
      throw new ApiFailure(ErrorCode.UNAUTHENTICATED, "the caller has no user id");
    }
    return caller.userId();
  }

  /**
   * Accepts a payout exactly once per (user, key): {replayed, payout}. Replies only after the write is durable. Three
   * durable steps, shared by the requests of a group ({@link AcceptGroups}): claim the key (naming the payout id),
   * reserve the limits, insert the payout. The payout's existence is what marks a single payout's claim as done.
   */
  public Future<JsonObject> create(JsonObject message, CallContext caller) {
    Role role = role(caller);
    String userId = user(caller);
    String key = message.getString("idempotency_key");
    if (key == null || !key.matches("[\\x21-\\x7E]{1,255}")) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "Idempotency-Key must be 1 to 255 visible ASCII characters");
    }
    Object raw = message.getValue("request");
    if (!(raw instanceof JsonObject body)) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "the request body must be a JSON object");
    }
    Instant now = clock.instant();
    NewPayout payout = requests.parse(body, role, now.getEpochSecond());
    String requestHash = Canonical.sha256(body);
    IdempotencyKeys.Claim claim = new IdempotencyKeys.Claim(IdempotencyKeys.recordId(userId, key), requestHash,
        PayoutIds.payout(), false, now.toEpochMilli());
    return groups.submit(new AcceptGroups.Admission(claim, payout, userId, role, caller.requestId(), now,
        Promise.promise()));
  }

  /** A request whose key was already claimed: a replay, a mismatch, still in flight, or the takeover of a dead one. */
  private Future<JsonObject> repeat(AcceptGroups.Admission a) {
    IdempotencyKeys.Claim mine = a.claim();
    NewPayout payout = a.payout();
    String userId = a.userId();
    Role role = a.role();
    String requestId = a.requestId();
    Instant now = a.now();
    return keys.find(mine.id()).compose(found -> {
      if (found.isEmpty()) { // forgotten in between (the first request was refused): try again from the top
        return keys.tryClaim(mine).compose(ok -> ok ? accept(mine, payout, userId, role, requestId, now)
            : Future.failedFuture(inFlight()));
      }
      IdempotencyKeys.Claim first = found.get();
      if (!first.requestHash().equals(mine.requestHash())) {
        return Future.failedFuture(new ApiFailure(ErrorCode.IDEMPOTENCY_MISMATCH,
            "this Idempotency-Key was used with a different request body"));
      }
      return payouts.find(first.payoutId()).compose(existing -> {
        if (existing.isPresent()) {
          metrics.requested(existing.get(), "replayed");
          return Future.succeededFuture(replay(existing.get(), now));
        }
        if (now.toEpochMilli() - first.updatedAt() < IdempotencyKeys.STALE_MS) {
          return Future.failedFuture(inFlight());
        }
        // the first request died before its payout was written: finish it, with the same payout id
        return keys.takeOver(first, now).compose(mineNow -> mineNow
            ? accept(first, payout, userId, role, requestId, now) : Future.failedFuture(inFlight()));
      });
    });
  }

  private static ApiFailure inFlight() {
    return new ApiFailure(ErrorCode.IDEMPOTENCY_IN_FLIGHT,
        "a request with this Idempotency-Key is still being processed; retry shortly");
  }

  private JsonObject replay(JsonObject doc, Instant now) {
    return new JsonObject().put("replayed", true).put("payout", PayoutDocs.view(doc, now));
  }

  private Future<JsonObject> accept(IdempotencyKeys.Claim claim, NewPayout payout, String userId, Role role,
      String requestId, Instant now) {
    return breaker.read(now).compose(b -> {
      if (!b.allowsSigning()) {
        return keys.forget(claim).compose(v -> Future.failedFuture(new ApiFailure(ErrorCode.CIRCUIT_OPEN,
            "payouts are suspended: the payout circuit breaker is open", b.toJson())));
      }
      return limits.reserve(limits.windows(payout.router(), now), payout.amount())
          .recover(err -> keys.forget(claim).compose(v -> Future.failedFuture(err)))
          .compose(limitKeys -> {
            Instant releaseAt = payout.batchType().releaseAt(now, config.batches().monthlyAnchorDay());
            JsonObject doc = PayoutDocs.newPayout(claim.payoutId(), payout, userId, role.claim(), requestId,
                limitKeys, now, releaseAt, new AuditTrail.Actor(userId, requestId), sealer);
            // a failed insert keeps the reservation: its outcome is unknown, and over-reserving is the safe side
            return payouts.insert(doc).map(v -> doc)
                .recover(err -> LimitLedger.isDuplicateKey(err)
                    ? limits.release(limitKeys, payout.amount()).compose(v -> payouts.find(claim.payoutId()))
                        .map(Optional::orElseThrow)
                    : Future.failedFuture(err));
          })
          .map(doc -> {
            metrics.requested(doc, "accepted");
            return new JsonObject().put("replayed", false).put("payout", PayoutDocs.view(doc, now));
          });
    });
  }

  public Future<JsonObject> get(String payoutId, CallContext caller) {
    return visible(payoutId, caller).map(doc -> PayoutDocs.view(doc, clock.instant()));
  }

  /** The payout if the caller may see it; anyone else's is simply not found. */
  public Future<JsonObject> visible(String payoutId, CallContext caller) {
    Role role = role(caller);
    if (payoutId == null || !PayoutIds.PAYOUT.matcher(payoutId).matches()) {
      return Future.failedFuture(notFound());
    }
    return payouts.find(payoutId).compose(found -> found
        .filter(doc -> role.seesAllPayouts() || doc.getString("user_id").equals(caller.userId()))
        .map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(notFound())));
  }

  private static ApiFailure notFound() {
    return new ApiFailure(ErrorCode.NOT_FOUND, "payout not found");
  }

  public Future<JsonObject> list(JsonObject q, CallContext caller) {
    Role role = role(caller);
    JsonObject query = new JsonObject();
    JsonObject filters = new JsonObject();
    if (!role.seesAllPayouts()) {
      query.put("user_id", user(caller));
    }
    String status = q.getString("status");
    if (status != null) {
      PayoutStatus.fromApi(status).orElseThrow(() -> new ApiFailure(ErrorCode.INVALID_REQUEST,
          "status must be one of pending, processing, confirmed, failed, cancelled"));
      query.put("status", status);
      filters.put("status", status);
    }
    String router = q.getString("router_type");
    if (router != null) {
      RouterType.fromApi(router).orElseThrow(() -> new ApiFailure(ErrorCode.INVALID_ROUTER,
          "router_type must be PayoutRouterV0 or PayoutRouterKYC"));
      query.put("router_type", router);
      filters.put("router_type", router);
    }
    JsonObject created = new JsonObject();
    dateFilter(q, "start_date", false).ifPresent(t -> created.put("$gte", t.toEpochMilli()));
    dateFilter(q, "end_date", true).ifPresent(t -> created.put("$lt", t.toEpochMilli()));
    if (!created.isEmpty()) {
      query.put("created_at", created);
      q.fieldNames().stream().filter(f -> f.endsWith("_date")).forEach(f -> filters.put(f, q.getString(f)));
    }
    int limit = intParam(q, "limit", 20, 1, 100);
    int offset = intParam(q, "offset", 0, 0, 1_000_000);
    Set<String> known = Set.of("status", "router_type", "start_date", "end_date", "limit", "offset");
    q.fieldNames().stream().filter(f -> !known.contains(f)).findFirst().ifPresent(f -> {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "unknown query parameter " + f);
    });
    Instant now = clock.instant();
    return payouts.count(query).compose(total -> payouts.find(query, new JsonObject().put("created_at", -1)
        .put("_id", -1), offset, limit).map(docs -> new JsonObject()
            .put("payouts", new JsonArray(docs.stream().map(d -> PayoutDocs.view(d, now)).toList()))
            .put("pagination", new JsonObject().put("total", total).put("limit", limit).put("offset", offset)
                .put("has_next", offset + docs.size() < total).put("has_previous", offset > 0))
            .put("filters", filters)));
  }

  private static Optional<Instant> dateFilter(JsonObject q, String name, boolean endOfDay) {
    String v = q.getString(name);
    if (v == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(v));
    } catch (DateTimeParseException notInstant) {
      try {
        LocalDate day = LocalDate.parse(v);
        return Optional.of((endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant());
      } catch (DateTimeParseException notDate) {
        throw new ApiFailure(ErrorCode.INVALID_REQUEST, name + " must be an ISO 8601 date or date-time");
      }
    }
  }

  private static int intParam(JsonObject q, String name, int fallback, int min, int max) {
    String v = q.getString(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ApiFailure(ErrorCode.INVALID_REQUEST, name + " must be a whole number from " + min + " to " + max);
  }

  /** Cancels a payout no attempt of which has been signed; releases its limit reservation. */
  public Future<JsonObject> cancel(String payoutId, CallContext caller) {
    return visible(payoutId, caller).compose(doc -> cancel(doc, caller, 3));
  }

  private Future<JsonObject> cancel(JsonObject doc, CallContext caller, int tries) {
    PayoutStatus status = PayoutDocs.status(doc);
    if (status.terminal() || doc.getInteger("attempt_count", 0) > 0) {
      return Future.failedFuture(new ApiFailure(ErrorCode.INVALID_STATE, "payout is " + status.api()
          + (status.terminal() ? "" : " and its transaction is already signed") + ": it can no longer be cancelled"));
    }
    Instant now = clock.instant();
    Change change = Change.of().status(PayoutStatus.CANCELLED).set("hold_reason", null).set("limits_released", true)
        .audit("cancelled", new JsonObject());
    return payouts.apply(doc, change, new AuditTrail.Actor(caller.userId(), caller.requestId()), now, null)
        .compose(updated -> {
          if (updated.isPresent()) {
            metrics.finished(updated.get(), now);
            return limits.release(keysOf(doc), doc.getLong("amount"))
                .compose(v -> signer.closed(doc.getString("_id")))
                .map(v -> PayoutDocs.view(updated.get(), now));
          }
          if (tries <= 1) {
            return Future.failedFuture(new ApiFailure(ErrorCode.INVALID_STATE,
                "payout changed while being cancelled; retry"));
          }
          return payouts.find(doc.getString("_id")).compose(again -> cancel(again.orElseThrow(), caller, tries - 1));
        });
  }

  public static List<String> keysOf(JsonObject doc) {
    return doc.getJsonArray("limit_keys", new JsonArray()).stream().map(String::valueOf).toList();
  }

  /** The on-chain view of a payout: its transaction, depth, energy and fee. */
  public Future<JsonObject> transaction(String payoutId, CallContext caller, int requiredConfirmations) {
    return visible(payoutId, caller).map(doc -> {
      JsonObject attempt = PayoutDocs.currentAttempt(doc);
      JsonObject view = PayoutDocs.view(doc, clock.instant());
      return new JsonObject()
          .put("payout_id", doc.getString("_id"))
          .put("txid", attempt == null ? null : attempt.getString("txid"))
          .put("status", view.getString("status"))
          .put("confirmations", doc.getInteger("confirmations"))
          .put("required_confirmations", requiredConfirmations)
          .put("block_number", doc.getLong("block_number"))
          .put("block_timestamp", view.getString("block_timestamp"))
          .put("energy_used", doc.getLong("energy_used"))
          .put("bandwidth_used", doc.getLong("net_usage"))
          .put("fee_trx", view.getString("fee_trx"))
          .put("estimated_completion", view.getString("estimated_completion"))
          .put("attempts", new JsonArray(doc.getJsonArray("attempts", new JsonArray()).stream()
              .map(a -> (JsonObject) a)
              .map(a -> new JsonObject().put("attempt", a.getInteger("n")).put("txid", a.getString("txid"))
                  .put("outcome", a.getString("fate", "pending"))
                  .put("expiration", PayoutDocs.iso(a.getLong("expiration_ms"))))
              .toList()));
    });
  }
}
