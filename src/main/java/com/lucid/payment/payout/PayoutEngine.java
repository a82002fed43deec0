package com.lucid.payment.payout;

import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.accept.AcceptParts;
import com.lucid.payment.payout.accept.IdempotencyKeys;
import com.lucid.payment.payout.accept.NewPayouts;
import com.lucid.payment.payout.accept.PayoutAcceptance;
import com.lucid.payment.payout.accept.PayoutRequests;
import com.lucid.payment.payout.audit.PayoutSealer;
import com.lucid.payment.payout.audit.Quarantine;
import com.lucid.payment.payout.batch.BatchAcceptance;
import com.lucid.payment.payout.batch.BatchRequests;
import com.lucid.payment.payout.batch.BatchService;
import com.lucid.payment.payout.batch.Batches;
import com.lucid.payment.payout.distribution.DistributionService;
import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.limits.LimitWindows;
import com.lucid.payment.payout.limits.SafetyBreaker;
import com.lucid.payment.payout.model.ChainIdentity;
import com.lucid.payment.payout.model.PayoutLookups;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutRepository;
import com.lucid.payment.payout.model.PayoutView;
import com.lucid.payment.payout.ops.AdminOps;
import com.lucid.payment.payout.ops.PayoutCancel;
import com.lucid.payment.payout.ops.PayoutGauges;
import com.lucid.payment.payout.ops.PayoutQueries;
import com.lucid.payment.payout.ops.PayoutReview;
import com.lucid.payment.payout.ops.PayoutStats;
import com.lucid.payment.payout.settle.EngineSwitches;
import com.lucid.payment.payout.settle.PauseSwitch;
import com.lucid.payment.payout.settle.PayoutWorker;
import com.lucid.payment.payout.settle.SignerDecisions;
import com.lucid.payment.payout.settle.WalletFunds;
import com.lucid.payment.payout.settle.WorkerParts;
import com.lucid.payment.seal.PayoutSeal;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;

/** The engine's rooms, each built once with what it uses: the one place that knows how they fit together. */
final class PayoutEngine {
  private final PayoutAcceptance acceptance;
  private final PayoutQueries queries;
  private final PayoutCancel cancel;
  private final BatchService batches;
  private final DistributionService distribution;
  private final PayoutStats stats;
  private final AdminOps admin;
  private final PayoutReview review;
  private final WalletFunds funds;
  private final EngineSwitches switches;
  private final PayoutWorker worker;
  private final PayoutGauges gauges;

  PayoutEngine(Vertx vertx, PlaneBus bus, MongoClient mongo, ServiceConfig config, PayoutSeal seal,
      MeterRegistry registry, Clock clock, ChainIdentity chain, String owner) {
    ServiceConfig.Payouts rules = config.payouts();
    PayoutRepository payouts = new PayoutRepository(mongo);
    PayoutLookups lookups = new PayoutLookups(mongo);
    LimitLedger limits = new LimitLedger(mongo);
    LimitWindows windows = new LimitWindows(rules.acceptance());
    SafetyBreaker breaker = new SafetyBreaker(mongo, rules.breaker());
    PauseSwitch pause = new PauseSwitch(mongo);
    PayoutMetrics metrics = new PayoutMetrics(registry);
    IdempotencyKeys keys = new IdempotencyKeys(mongo);
    PayoutRequests requests = new PayoutRequests(rules.acceptance(), chain);
    PayoutSealer sealer = new PayoutSealer(seal, chain.usdtContract());
    SignerDecisions signer = new SignerDecisions(bus);
    NewPayouts newPayouts = new NewPayouts(sealer, rules.batches().monthlyAnchorDay());
    acceptance = new PayoutAcceptance(new AcceptParts(payouts, keys, limits, windows, breaker, metrics, newPayouts),
        requests, clock);
    int confirmations = PayoutView.SOLIDIFICATION_BLOCKS + config.tron().transfers().extraConfirmations();
    queries = new PayoutQueries(payouts, lookups, clock, confirmations);
    cancel = new PayoutCancel(queries, payouts, limits, signer, metrics, clock);
    Batches stored = new Batches(mongo);
    BatchAcceptance batchAcceptance = new BatchAcceptance(stored, payouts, lookups, limits, windows, breaker, metrics,
        newPayouts);
    int maxItems = rules.batches().maxItems();
    batches = new BatchService(vertx, stored, lookups, batchAcceptance, keys, new BatchRequests(requests, maxItems),
        rules.worker().maxInFlight(), clock);
    distribution = new DistributionService(vertx, mongo, stored, batchAcceptance, requests, rules.distribution(),
        maxItems, clock);
    stats = new PayoutStats(lookups, limits, windows, breaker, clock);
    admin = new AdminOps(bus, breaker, pause, clock, config.tron().network().configName());
    review = new PayoutReview(payouts, lookups, limits, bus, sealer, signer, metrics, clock);
    funds = new WalletFunds(bus, lookups, clock, rules.worker().chainRecheck().toMillis());
    switches = new EngineSwitches(breaker, pause, clock);
    Quarantine quarantine = new Quarantine(payouts, breaker, metrics, clock, owner);
    worker = new PayoutWorker(new WorkerParts(payouts, lookups, bus, switches, funds, sealer, quarantine, limits,
        signer, metrics, config.tron().transfers().expiryProofTimeoutMs()), rules.worker(), clock, owner);
    gauges = new PayoutGauges(lookups, limits, windows, metrics, clock);
  }

  PayoutAcceptance acceptance() {
    return acceptance;
  }

  PayoutQueries queries() {
    return queries;
  }

  PayoutCancel cancel() {
    return cancel;
  }

  BatchService batches() {
    return batches;
  }

  DistributionService distribution() {
    return distribution;
  }

  PayoutStats stats() {
    return stats;
  }

  AdminOps admin() {
    return admin;
  }

  PayoutReview review() {
    return review;
  }

  WalletFunds funds() {
    return funds;
  }

  EngineSwitches switches() {
    return switches;
  }

  PayoutWorker worker() {
    return worker;
  }

  PayoutGauges gauges() {
    return gauges;
  }
}
