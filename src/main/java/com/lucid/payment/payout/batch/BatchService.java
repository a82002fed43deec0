package com.lucid.payment.payout.batch;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.payout.accept.IdempotencyKeys;
import com.lucid.payment.payout.model.Canonical;
import com.lucid.payment.payout.model.PayoutIds;
import com.lucid.payment.payout.model.PayoutLookups;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * POST /payouts/batch and GET /payouts/batch/{batch_id}: batches accepted all or nothing, exactly once per (user,
 * Idempotency-Key) like single payouts, and finished after a crash by a replay or the sweep.
 */
public final class BatchService {
  /** An accepting batch untouched this long is taken to be stranded by a crash and finished by the sweep. */
  static final long STRANDED_MS = IdempotencyKeys.STALE_MS;

  private final Vertx vertx;
  private final Batches batches;
  private final PayoutLookups lookups;
  private final BatchAcceptance acceptance;
  private final IdempotencyKeys keys;
  private final BatchRequests requests;
  private final int maxInFlight;
  private final Clock clock;

  public BatchService(Vertx vertx, Batches batches, PayoutLookups lookups, BatchAcceptance acceptance,
      IdempotencyKeys keys, BatchRequests requests, int maxInFlight, Clock clock) {
    this.vertx = vertx;
    this.batches = batches;
    this.lookups = lookups;
    this.acceptance = acceptance;
    this.keys = keys;
    this.requests = requests;
    this.maxInFlight = maxInFlight;
    this.clock = clock;
  }

  /** Accepts a batch exactly once per (user, key): {replayed, batch}. Replies once every payout is durable. */
  public Future<JsonObject> create(JsonObject message, CallContext caller) {
    Role role = caller.knownRole();
    if (!role.mayCreateBatches()) {
      throw new ApiFailure(ErrorCode.FORBIDDEN, "role " + role.claim() + " may not create batches");
    }
    String userId = caller.knownUser();
    String key = IdempotencyKeys.keyOf(message);
    if (!(message.getValue("request") instanceof JsonObject body)) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "the request body must be a JSON object");
    }
    Instant now = clock.instant();
    // a batch body never hashes like a single payout's, so one key cannot replay across the two routes
    String hash = Canonical.sha256(new JsonObject().put("batch", body));
    String recordId = IdempotencyKeys.recordId(userId, key);
    Batch.Origin origin = new Batch.Origin(userId, role.claim(), caller.requestId(), "api");
    return keys.find(recordId).compose(found -> found.isPresent()
        ? repeat(found.get(), hash, body, role, origin, now)
        : validate(body, role, now).compose(order -> {
          IdempotencyKeys.Claim claim = new IdempotencyKeys.Claim(recordId, hash, PayoutIds.batch(), false,
              now.toEpochMilli());
          return keys.tryClaim(claim).compose(mine -> mine ? accept(claim, order, origin, now)
              : keys.find(recordId).compose(again -> again.isPresent()
                  ? repeat(again.get(), hash, body, role, origin, now)
                  : Future.failedFuture(IdempotencyKeys.inFlight())));
        }));
  }

  /** Off the event loop: thousands of items, each maybe with a signature to recover. */
  private Future<BatchOrder> validate(JsonObject body, Role role, Instant now) {
    return vertx.executeBlocking(() -> requests.parse(body, role, now.getEpochSecond()), false);
  }

  private Future<JsonObject> repeat(IdempotencyKeys.Claim first, String hash, JsonObject body, Role role,
      Batch.Origin origin, Instant now) {
    if (!first.requestHash().equals(hash)) {
      return Future.failedFuture(new ApiFailure(ErrorCode.IDEMPOTENCY_MISMATCH,
          "this Idempotency-Key was used with a different request body"));
    }
    return batches.find(first.payoutId()).compose(found -> {
      if (found.isPresent()) {
        Batch batch = found.get();
        boolean fresh = now.toEpochMilli() - batch.updatedAt() < IdempotencyKeys.STALE_MS;
        if (batch.state() == BatchState.ACCEPTING && fresh && !first.done()) {
          return Future.failedFuture(IdempotencyKeys.inFlight());
        }
        return acceptance.complete(batch, now).compose(done -> keys.markDone(first.id()).otherwiseEmpty()
            .compose(v -> reply(true, done, now)));
      }
      if (now.toEpochMilli() - first.updatedAt() < IdempotencyKeys.STALE_MS) {
        return Future.failedFuture(IdempotencyKeys.inFlight());
      }
      // the first request died before its batch was stored: accept it now, under the same batch id
      return validate(body, role, now).compose(order -> keys.takeOver(first, now).compose(mine -> mine
          ? accept(first, order, origin, now) : Future.failedFuture(IdempotencyKeys.inFlight())));
    });
  }

  private Future<JsonObject> accept(IdempotencyKeys.Claim claim, BatchOrder order, Batch.Origin origin,
      Instant now) {
    List<String> payoutIds = order.payouts().stream().map(p -> PayoutIds.payout()).toList();
    return acceptance.stage(claim.payoutId(), order, payoutIds, origin, now)
        // refused (breaker, limits): nothing was stored, so the key may be used again
        .recover(err -> err instanceof ApiFailure ? keys.forget(claim).compose(v -> Future.failedFuture(err))
            : Future.failedFuture(err))
        .compose(batch -> acceptance.complete(batch, now))
        .compose(batch -> keys.markDone(claim.id()).otherwiseEmpty().compose(v -> reply(false, batch, now)));
  }

  private Future<JsonObject> reply(boolean replayed, Batch batch, Instant now) {
    return lookups.tallyOfBatch(batch.id()).map(t -> new JsonObject().put("replayed", replayed)
        .put("batch", BatchView.created(batch, BatchStatus.of(batch, t), maxInFlight, now)));
  }

  /** A batch's status with counts and amounts per payout status; someone else's batch is simply not found. */
  public Future<JsonObject> get(String batchId, CallContext caller) {
    Role role = caller.knownRole();
    if (batchId == null || !PayoutIds.BATCH.matcher(batchId).matches()) {
      return Future.failedFuture(notFound());
    }
    return batches.find(batchId).compose(found -> {
      Optional<Batch> visible = found
          .filter(b -> role.seesAllPayouts() || b.origin().userId().equals(caller.userId()));
      if (visible.isEmpty()) {
        return Future.failedFuture(notFound());
      }
      return lookups.tallyOfBatch(batchId).map(t -> BatchView.status(visible.get(), t, maxInFlight, clock.instant()));
    });
  }

  private static ApiFailure notFound() {
    return new ApiFailure(ErrorCode.NOT_FOUND, "batch not found");
  }

  /** Finishes batches a crash left accepting; returns how many it finished. */
  public Future<Integer> sweep() {
    Instant now = clock.instant();
    return batches.stranded(now.minusMillis(STRANDED_MS), 20).compose(ids -> finish(ids, 0, now));
  }

  private Future<Integer> finish(List<String> ids, int i, Instant now) {
    if (i == ids.size()) {
      return Future.succeededFuture(ids.size());
    }
    return batches.find(ids.get(i))
        .compose(b -> b.map(batch -> acceptance.complete(batch, now).<Void>mapEmpty())
            .orElse(Future.succeededFuture()))
        .compose(v -> finish(ids, i + 1, now));
  }
}
