package com.lucid.payment.payout;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.BusEndpoint;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.bus.Plane;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.accept.IdempotencyKeys;
import com.lucid.payment.payout.accept.PayoutRequests;
import com.lucid.payment.payout.accept.PayoutService;
import com.lucid.payment.payout.audit.PayoutSealer;
import com.lucid.payment.payout.audit.Quarantine;
import com.lucid.payment.payout.batch.BatchAcceptance;
import com.lucid.payment.payout.batch.BatchRequests;
import com.lucid.payment.payout.batch.BatchService;
import com.lucid.payment.payout.batch.Batches;
import com.lucid.payment.payout.distribution.DistributionService;
import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.limits.SafetyBreaker;
import com.lucid.payment.payout.model.ChainIdentity;
import com.lucid.payment.payout.model.PayoutDocs;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutRepository;
import com.lucid.payment.payout.ops.AdminOps;
import com.lucid.payment.payout.ops.PayoutGauges;
import com.lucid.payment.payout.ops.PayoutReview;
import com.lucid.payment.payout.ops.PayoutStats;
import com.lucid.payment.payout.settle.EngineSwitches;
import com.lucid.payment.payout.settle.PauseSwitch;
import com.lucid.payment.payout.settle.PayoutWorker;
import com.lucid.payment.payout.settle.SignerDecisions;
import com.lucid.payment.payout.settle.WalletFunds;
import com.lucid.payment.seal.PayoutSeal;
import com.lucid.payment.store.Store;
import com.lucid.payment.tron.api.TronMessages;
import com.lucid.payment.tron.chain.TronAddress;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The wallet-plane payout manager: serves the payout and admin addresses and runs the worker rounds. */
public final class PayoutManagerVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(PayoutManagerVerticle.class.getName());
  private static final long GAUGE_REFRESH_MS = 5_000;
  private static final long SWEEP_MS = 5_000;

  private final Store store;
  private final ServiceConfig config;
  private final PayoutSeal seal;
  private final MeterRegistry registry;
  private final Clock clock;
  private final InFlight writes = new InFlight();
  private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
  private PayoutWorker worker;
  private WalletFunds funds;
  private EngineSwitches switches;
  private PayoutGauges gauges;
  private long timer = -1;
  private boolean roundRunning;
  private boolean sweepRunning;
  private boolean stopping;

  public PayoutManagerVerticle(Store store, ServiceConfig config, PayoutSeal seal, MeterRegistry registry,
      Clock clock) {
    this.store = store;
    this.config = config;
    this.seal = seal;
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    TronMessages.register(vertx.eventBus());
    PlaneBus bus = new PlaneBus(vertx.eventBus(), Plane.WALLET);
    return bus.<JsonObject>request(BusAddress.TRON_STATUS, new JsonObject()).map(status -> {
      ChainIdentity chain = new ChainIdentity(TronAddress.fromBase58(status.getString("hot_wallet")),
          TronAddress.fromBase58(status.getString("usdt_contract")));
      wire(bus, chain);
      return null;
    });
  }

  private void wire(PlaneBus bus, ChainIdentity chain) {
    ServiceConfig.Payouts rules = config.payouts();
    PayoutRepository payouts = new PayoutRepository(store.mongo());
    LimitLedger limits = new LimitLedger(store.mongo(), rules);
    SafetyBreaker breaker = new SafetyBreaker(store.mongo(), rules.breaker());
    PauseSwitch pause = new PauseSwitch(store.mongo());
    PayoutMetrics metrics = new PayoutMetrics(registry);
    IdempotencyKeys keys = new IdempotencyKeys(store.mongo());
    PayoutRequests requests = new PayoutRequests(rules, chain);
    PayoutSealer sealer = new PayoutSealer(seal, chain.usdtContract());
    SignerDecisions signer = new SignerDecisions(bus);
    PayoutService service = new PayoutService(payouts, keys, limits, breaker, requests, rules, metrics, clock, sealer,
        signer);
    AdminOps admin = new AdminOps(bus, breaker, pause, clock, config.tron().network().configName());
    int required = PayoutDocs.SOLIDIFICATION_BLOCKS + config.tron().transfers().extraConfirmations();
    serve(BusAddress.PAYOUT_CREATE, service::create);
    serve(BusAddress.PAYOUT_GET, (b, c) -> service.get(b.getString("payout_id"), c));
    serve(BusAddress.PAYOUT_LIST, service::list);
    serve(BusAddress.PAYOUT_CANCEL, (b, c) -> service.cancel(b.getString("payout_id"), c));
    serve(BusAddress.PAYOUT_TRANSACTION, (b, c) -> service.transaction(b.getString("payout_id"), c, required));
    serveBatches(keys, limits, breaker, requests, metrics, sealer);
    serve(BusAddress.ADMIN_WALLET, admin::wallet);
    serve(BusAddress.ADMIN_STAKE, admin::stake);
    serve(BusAddress.ADMIN_PAUSE, admin::pause);
    serve(BusAddress.ADMIN_RESUME, admin::resume);
    serve(BusAddress.ADMIN_BREAKER, admin::breaker);
    serve(BusAddress.ADMIN_REVIEW, new PayoutReview(payouts, limits, bus, sealer, signer, metrics, clock)::review);
    funds = new WalletFunds(bus, store.mongo(), rules.worker().chainRecheck().toMillis());
    switches = new EngineSwitches(breaker, pause, clock);
    String owner = UUID.randomUUID().toString().substring(0, 8);
    worker = new PayoutWorker(payouts, limits, bus, rules, metrics, clock, owner, funds, switches, sealer,
        new Quarantine(payouts, breaker, metrics, clock, owner), signer,
        config.tron().transfers().expiryProofTimeoutMs());
    gauges = new PayoutGauges(store.mongo(), limits, metrics, clock);
    timer = vertx.setPeriodic(rules.worker().poll().toMillis(), id -> round());
    switches.refresh().onComplete(done -> gauges.refresh(switches.breaker()));
    vertx.setPeriodic(GAUGE_REFRESH_MS, id -> {
      if (!stopping) {
        gauges.refresh(switches.breaker());
      }
    });
    LOG.info(() -> "payout manager ready: worker " + owner + ", hot wallet " + chain.hotWallet());
  }

  /** Batches, stats and the monthly distribution, and the sweep that finishes what a crash left half done. */
  private void serveBatches(IdempotencyKeys keys, LimitLedger limits, SafetyBreaker breaker, PayoutRequests requests,
      PayoutMetrics metrics, PayoutSealer sealer) {
    ServiceConfig.Payouts rules = config.payouts();
    Batches batches = new Batches(store.mongo());
    BatchAcceptance acceptance = new BatchAcceptance(store.mongo(), batches, limits, breaker, rules, metrics, sealer);
    BatchService batchService = new BatchService(vertx, store.mongo(), batches, acceptance, keys,
        new BatchRequests(requests, rules.batches().maxItems()), rules, clock);
    DistributionService distribution = new DistributionService(vertx, store.mongo(), batches, acceptance, requests,
        rules, clock);
    PayoutStats stats = new PayoutStats(store.mongo(), limits, breaker, clock);
    serve(BusAddress.BATCH_CREATE, batchService::create);
    serve(BusAddress.BATCH_GET, (b, c) -> batchService.get(b.getString("batch_id"), c));
    serve(BusAddress.STATS, stats::read);
    serve(BusAddress.DISTRIBUTION_SUBMIT, distribution::submit);
    serve(BusAddress.DISTRIBUTION_PREVIEW, distribution::preview);
    serve(BusAddress.DISTRIBUTION_REPORT, distribution::report);
    Runnable sweep = () -> {
      if (!stopping && !sweepRunning) {
        sweepRunning = true;
        writes.track(batchService.sweep().compose(n -> distribution.sweep()))
            .onFailure(err -> LOG.log(Level.WARNING, "batch sweep failed: " + err.getMessage()))
            .onComplete(done -> sweepRunning = false);
      }
    };
    sweep.run();
    vertx.setPeriodic(SWEEP_MS, id -> sweep.run());
  }

  /** One worker round at a time; rounds that would overlap are skipped. */
  private void round() {
    if (roundRunning || stopping) {
      return;
    }
    roundRunning = true;
    writes.track(Future.all(funds.refresh(), switches.refresh()).compose(v -> worker.round()))
        .onFailure(err -> LOG.log(Level.WARNING, "worker round failed: " + err.getMessage()))
        .onComplete(done -> roundRunning = false);
  }

  /** Every write an operation starts is tracked, so that a stop waits for it. */
  private void serve(BusAddress address, BiFunction<JsonObject, CallContext, Future<JsonObject>> operation) {
    consumers.add(BusEndpoint.serve(vertx.eventBus(), address, JsonObject.class, new JsonObject(),
        (body, caller) -> writes.track(operation.apply(body, caller)), err -> failure(address, err)));
  }

  /** Known failures pass through; a store outage is "unavailable"; anything else is logged and kept internal. */
  private static ApiFailure failure(BusAddress address, Throwable err) {
    if (err instanceof ApiFailure f) {
      return f;
    }
    if (err instanceof com.mongodb.MongoException || err instanceof java.util.concurrent.TimeoutException) {
      LOG.warning(() -> address.address() + ": store unavailable: " + err.getMessage());
      return new ApiFailure(ErrorCode.UNAVAILABLE, "the payout store is unavailable; retry");
    }
    LOG.log(Level.SEVERE, address.address() + " failed", err);
    return new ApiFailure(ErrorCode.INTERNAL, "internal error");
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(timer);
    List<Future<Void>> unregistered = consumers.stream().map(MessageConsumer::unregister).toList();
    return Future.join(unregistered).compose(v -> writes.drained(vertx, 10_000));
  }
}
