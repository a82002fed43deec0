package com.lucid.payment.payout.distribution;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.accept.PayoutRequests;
import com.lucid.payment.payout.batch.Batch;
import com.lucid.payment.payout.batch.BatchAcceptance;
import com.lucid.payment.payout.batch.Batches;
import com.lucid.payment.payout.model.Canonical;
import com.lucid.payment.payout.model.DuplicateKey;
import com.lucid.payment.payout.model.PayoutIds;
import com.lucid.payment.payout.model.PayoutLookups;
import com.lucid.payment.payout.model.PayoutView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The monthly distribution: an admin or service submits a period's entitlements; the service plans it (fees,
 * rollovers, minimum), stores the plan, then creates the period's MONTHLY batch and its new rollovers, and reports.
 * Submitting a period again answers the same report and never makes a second batch; a preview plans without storing.
 * Crash safety: claims on rollovers precede the plan, the plan precedes the batch, and a planned period is carried
 * forward by a resubmission or the sweep under a lease.
 */
public final class DistributionService {
  private static final Logger LOG = Logger.getLogger(DistributionService.class.getName());

  private final Vertx vertx;
  private final PayoutLookups lookups;
  private final Distributions distributions;
  private final RolloverLedger rollovers;
  private final Batches batches;
  private final BatchAcceptance acceptance;
  private final PayoutRequests requests;
  private final ServiceConfig.Distribution config;
  private final int maxEntries;
  private final Clock clock;

  /** @param maxEntries the most entries one period may have (BATCH_MAX_ITEMS: its payouts are one batch) */
  public DistributionService(Vertx vertx, MongoClient mongo, Batches batches, BatchAcceptance acceptance,
      PayoutRequests requests, ServiceConfig.Distribution config, int maxEntries, Clock clock) {
    this.vertx = vertx;
    this.lookups = new PayoutLookups(mongo);
    this.distributions = new Distributions(mongo);
    this.rollovers = new RolloverLedger(mongo);
    this.batches = batches;
    this.acceptance = acceptance;
    this.requests = requests;
    this.config = config;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  private static Role distributor(CallContext caller) {
    Role role = caller.knownRole();
    if (role != Role.ADMIN && role != Role.SERVICE) {
      throw new ApiFailure(ErrorCode.FORBIDDEN, "only admin and service may run distributions");
    }
    return role;
  }

  /** {replayed, report}: the first submission of a period plans and pays it; any later one answers its report. */
  public Future<JsonObject> submit(JsonObject body, CallContext caller) {
    Role role = distributor(caller);
    Entitlements entitlements = Entitlements.parse(body, maxEntries);
    String period = entitlements.period();
    Distributions.Submission submission = new Distributions.Submission(period, Canonical.sha256(body),
        new Batch.Origin(caller.knownUser(), role.claim(), caller.requestId(), "distribution:" + period),
        config.platformFeeBps(), config.minPayoutUnits());
    return attempt(entitlements, submission, role, 3);
  }

  private Future<JsonObject> attempt(Entitlements entitlements, Distributions.Submission s, Role role, int tries) {
    Instant now = clock.instant();
    String period = s.period();
    return distributions.find(period).compose(found -> {
      if (found.isPresent()) {
        return resubmitted(found.get(), s, now);
      }
      return plan(entitlements, role, now).compose(lines -> {
        List<String> claimed = DistributionPlan.consumedRollovers(lines);
        return rollovers.claim(claimed, period).compose(all -> {
          if (!all) { // another period consumed one of them meanwhile: plan again without it
            return tries > 1 ? attempt(entitlements, s, role, tries - 1)
                : Future.failedFuture(new ApiFailure(ErrorCode.INVALID_STATE, "rollovers of " + period
                    + " changed while it was planned; submit again"));
          }
          String owner = UUID.randomUUID().toString();
          Optional<String> batchId = DistributionPlan.paidLines(lines).isEmpty() ? Optional.empty()
              : Optional.of(PayoutIds.batch());
          Distribution planned = Distributions.planned(s, lines, batchId, owner, now);
          return distributions.insert(planned).map(v -> true)
              .recover(err -> DuplicateKey.is(err) ? Future.succeededFuture(false) : Future.failedFuture(err))
              .compose(inserted -> inserted ? carry(planned, owner, now).map(r -> reply(false, r))
                  : lostRace(claimed, period).compose(v -> attempt(entitlements, s, role, tries - 1)));
        });
      });
    });
  }

  /** The same period was stored by a concurrent request first: claims its plan does not use are given back. */
  private Future<Void> lostRace(List<String> claimed, String period) {
    return distributions.find(period).compose(winner -> {
      Set<String> kept = new HashSet<>(winner.map(w -> DistributionPlan.consumedRollovers(w.lines()))
          .orElse(List.of()));
      return rollovers.release(claimed.stream().filter(id -> !kept.contains(id)).toList(), period);
    });
  }

  private Future<JsonObject> resubmitted(Distribution stored, Distributions.Submission s, Instant now) {
    if (!stored.requestHash().equals(s.requestHash())) {
      return Future.failedFuture(new ApiFailure(ErrorCode.INVALID_STATE, "period " + s.period()
          + " was already submitted with other entries; its report is at GET /distributions/" + s.period()));
    }
    if (stored.state() == Distribution.State.DONE) {
      return report(stored).map(r -> reply(true, r));
    }
    String owner = UUID.randomUUID().toString();
    return distributions.lease(s.period(), owner, now).compose(leased -> leased.isEmpty()
        ? Future.failedFuture(new ApiFailure(ErrorCode.IDEMPOTENCY_IN_FLIGHT, "the distribution of " + s.period()
            + " is being processed; retry shortly"))
        : carry(leased.get(), owner, now).map(r -> reply(true, r)));
  }

  private static JsonObject reply(boolean replayed, JsonObject report) {
    return new JsonObject().put("replayed", replayed).put("report", report);
  }

  /** Plans off the event loop: thousands of entries, each maybe with a signature to recover. */
  private Future<List<DistributionLine>> plan(Entitlements entitlements, Role role, Instant now) {
    Set<String> recipients = new HashSet<>();
    entitlements.entries().forEach(e -> recipients.add(e.recipient()));
    return rollovers.available(recipients, entitlements.period()).compose(available -> vertx.executeBlocking(
        () -> DistributionPlan.lines(entitlements, available, config.platformFeeBps(), config.minPayoutUnits(),
            requests, role, now.getEpochSecond()), false));
  }

  /** Holding the lease: the batch (reserved and stored, then its payouts), the new rollovers, then done. */
  private Future<JsonObject> carry(Distribution d, String owner, Instant now) {
    Future<Void> batch = d.batchId().map(batchId -> batches.find(batchId)
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> acceptance.stage(batchId,
                DistributionPlan.order(d.lines()), DistributionPlan.payoutIds(d.lines()), origin(d), now)
            .recover(err -> refused(err) ? undo(d, owner).compose(v -> Future.failedFuture(err))
                : Future.failedFuture(err))))
        .compose(b -> acceptance.complete(b, now)).<Void>mapEmpty()).orElse(Future.succeededFuture());
    List<DistributionLine> rolled = d.lines().stream().filter(l -> l.plan() == DistributionLine.Plan.ROLLED_OVER)
        .toList();
    return batch.compose(v -> rollovers.create(d.period(), rolled, now))
        .compose(v -> distributions.markDone(d.period(), now))
        .compose(v -> report(d.done()));
  }

  private static Batch.Origin origin(Distribution d) {
    return new Batch.Origin(d.submittedBy(), d.submitterRole(), d.requestId(), "distribution:" + d.period());
  }

  private static boolean refused(Throwable err) {
    return err instanceof ApiFailure f && (f.code() == ErrorCode.LIMIT_EXCEEDED || f.code() == ErrorCode.CIRCUIT_OPEN);
  }

  /** A refused period leaves nothing behind: its rollover claims are given back and its plan removed. */
  private Future<Void> undo(Distribution d, String owner) {
    return rollovers.release(DistributionPlan.consumedRollovers(d.lines()), d.period())
        .compose(v -> distributions.remove(d.period(), owner));
  }

  /** The outcome without storing anything; a period submitted already answers its stored report. */
  public Future<JsonObject> preview(JsonObject body, CallContext caller) {
    Role role = distributor(caller);
    Entitlements entitlements = Entitlements.parse(body, maxEntries);
    Instant now = clock.instant();
    return distributions.find(entitlements.period()).compose(found -> found.isPresent() ? report(found.get())
        : plan(entitlements, role, now).map(lines -> DistributionReport.of(entitlements.period(), true, false,
            DistributionReport.meta(config.platformFeeBps(), config.minPayoutUnits(), null, null), lines,
            Map.of())));
  }

  /** {period, format?: json|csv}: the period's report, or {period, format: csv, csv}. */
  public Future<JsonObject> report(JsonObject q, CallContext caller) {
    distributor(caller);
    String period = q.getString("period");
    String format = q.getString("format", "json");
    if (!format.equals("json") && !format.equals("csv")) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "format must be json or csv");
    }
    if (!Entitlements.isPeriod(period)) {
      return Future.failedFuture(new ApiFailure(ErrorCode.NOT_FOUND, "no distribution for that period"));
    }
    return distributions.find(period).compose(found -> found.map(this::report).orElseGet(() ->
            Future.failedFuture(new ApiFailure(ErrorCode.NOT_FOUND, "no distribution for period " + period))))
        .map(r -> format.equals("json") ? r
            : new JsonObject().put("period", period).put("format", "csv").put("csv", DistributionReport.csv(r)));
  }

  private Future<JsonObject> report(Distribution d) {
    Future<Map<String, PayoutLookups.Outcome>> payouts = d.batchId().map(lookups::outcomesOfBatch)
        .orElse(Future.succeededFuture(Map.of()));
    return payouts.map(byId -> DistributionReport.of(d.period(), false, d.state() == Distribution.State.PLANNED,
        DistributionReport.meta(d.feeBps(), d.minPayout(), d.batchId().orElse(null), PayoutView.iso(d.createdAt())),
        d.lines(), byId));
  }

  /** Carries forward periods a crash left planned; returns how many it looked at. */
  public Future<Integer> sweep() {
    Instant now = clock.instant();
    return distributions.stranded(now).compose(periods -> {
      Future<Void> chain = Future.succeededFuture();
      for (String period : periods) {
        String owner = UUID.randomUUID().toString();
        chain = chain.compose(v -> distributions.lease(period, owner, now)
            .compose(leased -> leased.map(d -> carry(d, owner, now).<Void>mapEmpty()).orElse(Future.succeededFuture()))
            .recover(err -> {
              LOG.warning(() -> "distribution " + period + " could not be carried forward: " + err.getMessage());
              return Future.succeededFuture();
            }));
      }
      return chain.map(v -> periods.size());
    });
  }
}
