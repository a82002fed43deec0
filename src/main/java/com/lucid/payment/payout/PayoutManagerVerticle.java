package com.lucid.payment.payout;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.BusEndpoint;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.bus.Plane;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.model.ChainIdentity;
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

/**
 * The wallet-plane payout manager: builds the engine's rooms ({@link PayoutEngine}) once the TRON client says which
 * hot wallet and contract are in use, serves their bus addresses, and runs the worker rounds and the sweep.
 */
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
  private PayoutEngine engine;
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
      String owner = UUID.randomUUID().toString().substring(0, 8);
      engine = new PayoutEngine(vertx, bus, store.mongo(), config, seal, registry, clock, chain, owner);
      serveAll();
      schedule();
      LOG.info(() -> "payout manager ready: worker " + owner + ", hot wallet " + chain.hotWallet());
      return null;
    });
  }

  private void serveAll() {
    serve(BusAddress.PAYOUT_CREATE, engine.acceptance()::create);
    serve(BusAddress.PAYOUT_GET, (b, c) -> engine.queries().get(b.getString("payout_id"), c));
    serve(BusAddress.PAYOUT_LIST, engine.queries()::list);
    serve(BusAddress.PAYOUT_CANCEL, (b, c) -> engine.cancel().cancel(b.getString("payout_id"), c));
    serve(BusAddress.PAYOUT_TRANSACTION, (b, c) -> engine.queries().transaction(b.getString("payout_id"), c));
    serve(BusAddress.BATCH_CREATE, engine.batches()::create);
    serve(BusAddress.BATCH_GET, (b, c) -> engine.batches().get(b.getString("batch_id"), c));
    serve(BusAddress.STATS, engine.stats()::read);
    serve(BusAddress.DISTRIBUTION_SUBMIT, engine.distribution()::submit);
    serve(BusAddress.DISTRIBUTION_PREVIEW, engine.distribution()::preview);
    serve(BusAddress.DISTRIBUTION_REPORT, engine.distribution()::report);
    serve(BusAddress.ADMIN_WALLET, engine.admin()::wallet);
    serve(BusAddress.ADMIN_STAKE, engine.admin()::stake);
    serve(BusAddress.ADMIN_PAUSE, engine.admin()::pause);
    serve(BusAddress.ADMIN_RESUME, engine.admin()::resume);
    serve(BusAddress.ADMIN_BREAKER, engine.admin()::breaker);
    serve(BusAddress.ADMIN_REVIEW, engine.review()::review);
  }

  /** The worker rounds, the gauges, and the sweep that finishes what a crash left half done. */
  private void schedule() {
    timer = vertx.setPeriodic(config.payouts().worker().poll().toMillis(), id -> round());
    gauges();
    vertx.setPeriodic(GAUGE_REFRESH_MS, id -> gauges());
    sweep();
    vertx.setPeriodic(SWEEP_MS, id -> sweep());
  }

  /** The breaker is read for the gauges too: an idle worker claims nothing and so reads nothing. */
  private void gauges() {
    if (!stopping) {
      engine.switches().refresh().onComplete(done -> engine.gauges().refresh(engine.switches().breaker()));
    }
  }

  private void sweep() {
    if (!stopping && !sweepRunning) {
      sweepRunning = true;
      writes.track(engine.batches().sweep().compose(n -> engine.distribution().sweep()))
          .onFailure(err -> LOG.log(Level.WARNING, "batch sweep failed: " + err.getMessage()))
          .onComplete(done -> sweepRunning = false);
    }
  }

  /** One worker round at a time; rounds that would overlap are skipped. */
  private void round() {
    if (roundRunning || stopping) {
      return;
    }
    roundRunning = true;
    writes.track(engine.funds().refresh().compose(v -> engine.worker().round()))
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
