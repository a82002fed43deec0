package com.lucid.payment.payout.accept;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.payout.model.DuplicateKey;
import com.lucid.payment.payout.model.Payout;
import com.lucid.payment.payout.model.PayoutView;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * A request whose Idempotency-Key was claimed already: a replay of the same body, a mismatch, still in flight, or the
 * takeover of a first request that died before its payout was written (finished under the same payout id, alone).
 */
final class ClaimedKeys {
  private final AcceptParts parts;

  ClaimedKeys(AcceptParts parts) {
    this.parts = parts;
  }

  Future<JsonObject> repeat(Admission a) {
    IdempotencyKeys.Claim mine = a.claim();
    return parts.keys().find(mine.id()).compose(found -> {
      if (found.isEmpty()) { // forgotten in between (the first request was refused): try again from the top
        return parts.keys().tryClaim(mine).compose(ok -> ok ? accept(mine, a)
            : Future.failedFuture(IdempotencyKeys.inFlight()));
      }
      IdempotencyKeys.Claim first = found.get();
      if (!first.requestHash().equals(mine.requestHash())) {
        return Future.failedFuture(new ApiFailure(ErrorCode.IDEMPOTENCY_MISMATCH,
            "this Idempotency-Key was used with a different request body"));
      }
      return parts.payouts().find(first.payoutId()).compose(existing -> {
        if (existing.isPresent()) {
          parts.metrics().requested(existing.get(), "replayed");
          return Future.succeededFuture(reply(true, existing.get(), a.now()));
        }
        if (a.now().toEpochMilli() - first.updatedAt() < IdempotencyKeys.STALE_MS) {
          return Future.failedFuture(IdempotencyKeys.inFlight());
        }
        // the first request died before its payout was written: finish it, with the same payout id
        return parts.keys().takeOver(first, a.now()).compose(mineNow -> mineNow ? accept(first, a)
            : Future.failedFuture(IdempotencyKeys.inFlight()));
      });
    });
  }

  private static JsonObject reply(boolean replayed, Payout payout, Instant now) {
    return new JsonObject().put("replayed", replayed).put("payout", PayoutView.of(payout, now));
  }

  /** One payout alone, under the claim's payout id: breaker, limits, insert, each as the group would. */
  private Future<JsonObject> accept(IdempotencyKeys.Claim claim, Admission a) {
    Instant now = a.now();
    return parts.breaker().read(now).compose(b -> {
      if (!b.allowsSigning()) {
        return parts.keys().forget(claim).compose(v -> Future.failedFuture(new ApiFailure(ErrorCode.CIRCUIT_OPEN,
            "payouts are suspended: the payout circuit breaker is open", b.toJson())));
      }
      return parts.limits().reserve(parts.windows().of(a.payout().router(), now), a.payout().amount())
          .recover(err -> parts.keys().forget(claim).compose(v -> Future.failedFuture(err)))
          .compose(limitKeys -> {
            Payout payout = parts.newPayouts().single(claim.payoutId(), a.payout(), a.actor(), a.role().claim(),
                limitKeys, now);
            // a failed insert keeps the reservation: its outcome is unknown, and over-reserving is the safe side
            return parts.payouts().insert(payout).map(v -> payout)
                .recover(err -> DuplicateKey.is(err)
                    ? parts.limits().release(limitKeys, a.payout().amount())
                        .compose(v -> parts.payouts().find(claim.payoutId())).map(Optional::orElseThrow)
                    : Future.failedFuture(err));
          })
          .map(payout -> {
            parts.metrics().requested(payout, "accepted");
            return reply(false, payout, now);
          });
    });
  }
}
