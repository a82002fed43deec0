package com.lucid.payment.payout.batch;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.payout.accept.NewPayouts;
import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.limits.LimitWindows;
import com.lucid.payment.payout.limits.SafetyBreaker;
import com.lucid.payment.payout.model.Actor;
import com.lucid.payment.payout.model.DuplicateKey;
import com.lucid.payment.payout.model.NewPayout;
import com.lucid.payment.payout.model.Payout;
import com.lucid.payment.payout.model.PayoutLookups;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutRepository;
import com.lucid.payment.payout.model.RouterType;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accepts a validated batch without transactions, in an order a crash cannot break: reserve each router's total in
 * its limit windows at once, store the batch document (items and payout ids fixed), then write the payouts that do
 * not exist yet, then mark the batch accepted. Finishing a batch again only writes what is missing.
 */
public final class BatchAcceptance {
  private static final int INSERT_CHUNK = 500;

  private final Batches batches;
  private final PayoutRepository payouts;
  private final PayoutLookups lookups;
  private final LimitLedger limits;
  private final LimitWindows windows;
  private final SafetyBreaker breaker;
  private final PayoutMetrics metrics;
  private final NewPayouts newPayouts;

  public BatchAcceptance(Batches batches, PayoutRepository payouts, PayoutLookups lookups, LimitLedger limits,
      LimitWindows windows, SafetyBreaker breaker, PayoutMetrics metrics, NewPayouts newPayouts) {
    this.batches = batches;
    this.payouts = payouts;
    this.lookups = lookups;
    this.limits = limits;
    this.windows = windows;
    this.breaker = breaker;
    this.metrics = metrics;
    this.newPayouts = newPayouts;
  }

  /**
   * Checks the breaker, reserves, and stores the batch accepting. Fails with CIRCUIT_OPEN or LIMIT_EXCEEDED having
   * stored and reserved nothing. When a batch with this id exists already, that one is returned (reserved once).
   */
  public Future<Batch> stage(String batchId, BatchOrder order, List<String> payoutIds, Batch.Origin origin,
      Instant now) {
    return breaker.read(now).compose(b -> b.allowsSigning()
        ? reserveAll(new ArrayList<>(order.totalsByRouter().entrySet()), 0, now, new EnumMap<>(RouterType.class))
        : Future.failedFuture(new ApiFailure(ErrorCode.CIRCUIT_OPEN,
            "payouts are suspended: the payout circuit breaker is open", b.toJson())))
        .compose(reserved -> {
          Instant releaseAt = newPayouts.releaseAt(order.batchType(), now);
          List<BatchItem> items = new ArrayList<>();
          for (int i = 0; i < order.payouts().size(); i++) {
            items.add(new BatchItem(payoutIds.get(i), order.payouts().get(i)));
          }
          Batch batch = new Batch(batchId, BatchState.ACCEPTING, origin, order.routerName(), order.priority(),
              order.batchType(), items.size(), order.total(), now.toEpochMilli(), now.toEpochMilli(),
              releaseAt.toEpochMilli(), reserved, items);
          // a failed insert keeps the reservation: its outcome is unknown, and over-reserving is the safe side
          return batches.insert(batch).map(v -> batch).recover(err -> DuplicateKey.is(err)
              ? releaseAll(reserved, order.totalsByRouter()).compose(v -> batches.find(batchId))
                  .map(Optional::orElseThrow)
              : Future.failedFuture(err));
        });
  }

  private Future<Map<RouterType, List<String>>> reserveAll(List<Map.Entry<RouterType, Long>> totals, int i,
      Instant now, Map<RouterType, List<String>> done) {
    if (i == totals.size()) {
      return Future.succeededFuture(done);
    }
    RouterType router = totals.get(i).getKey();
    return limits.reserve(windows.of(router, now), totals.get(i).getValue())
        .recover(err -> releaseAll(done, totalsOf(totals)).compose(v -> Future.failedFuture(err)))
        .compose(keys -> {
          done.put(router, keys);
          return reserveAll(totals, i + 1, now, done);
        });
  }

  private static Map<RouterType, Long> totalsOf(List<Map.Entry<RouterType, Long>> totals) {
    Map<RouterType, Long> map = new EnumMap<>(RouterType.class);
    totals.forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  private Future<Void> releaseAll(Map<RouterType, List<String>> reserved, Map<RouterType, Long> totals) {
    List<Future<Void>> all = new ArrayList<>();
    reserved.forEach((router, keys) -> all.add(limits.release(keys, totals.get(router))));
    return Future.join(all).mapEmpty();
  }

  /** Writes the payouts that do not exist yet, checks that all do, and marks the batch accepted. */
  public Future<Batch> complete(Batch batch, Instant now) {
    if (batch.state() == BatchState.ACCEPTED) {
      return Future.succeededFuture(batch);
    }
    return lookups.idsOfBatch(batch.id()).compose(existing -> insertFrom(missing(batch, existing), 0))
        .compose(v -> lookups.countOfBatch(batch.id()))
        .compose(count -> {
          if (count != batch.totalPayouts()) {
            return Future.failedFuture(new ApiFailure(ErrorCode.UNAVAILABLE, "batch " + batch.id()
                + " is being written (" + count + " of " + batch.totalPayouts() + " payouts); retry"));
          }
          return batches.markAccepted(batch.id(), now).map(x -> batch.accepted());
        });
  }

  private List<Payout> missing(Batch batch, Set<String> existing) {
    Actor actor = new Actor(batch.origin().userId(), batch.origin().requestId());
    List<Payout> missing = new ArrayList<>();
    for (BatchItem item : batch.items()) {
      if (!existing.contains(item.payoutId())) {
        NewPayout p = item.payout();
        missing.add(newPayouts.accepted(item.payoutId(), p, actor, batch.origin().role(), Optional.of(batch.id()),
            batch.limitKeys().getOrDefault(p.router(), List.of()), Instant.ofEpochMilli(batch.createdAt()),
            Instant.ofEpochMilli(batch.releaseAt())));
      }
    }
    return missing;
  }

  /** Unordered bulk inserts, a chunk at a time; a payout that exists already (a racing finisher) is not an error. */
  private Future<Void> insertFrom(List<Payout> all, int from) {
    if (from >= all.size()) {
      return Future.succeededFuture();
    }
    List<Payout> chunk = all.subList(from, Math.min(all.size(), from + INSERT_CHUNK));
    return payouts.insertUnordered(chunk)
        .recover(err -> DuplicateKey.is(err) ? Future.succeededFuture() : Future.failedFuture(err))
        .onSuccess(v -> chunk.forEach(p -> metrics.requested(p, "accepted")))
        .compose(v -> insertFrom(all, from + INSERT_CHUNK));
  }
}
