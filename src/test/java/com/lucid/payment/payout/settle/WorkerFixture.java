package com.lucid.payment.payout.settle;

import com.lucid.payment.bus.Plane;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.audit.Quarantine;
import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.limits.SafetyBreaker;
import com.lucid.payment.payout.model.Actor;
import com.lucid.payment.payout.model.HoldReason;
import com.lucid.payment.payout.model.Payout;
import com.lucid.payment.payout.model.PayoutFields;
import com.lucid.payment.payout.model.PayoutLookups;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutRepository;
import com.lucid.payment.testing.MutableClock;
import com.lucid.payment.testing.TestPayouts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** One worker on a real store and a scripted TRON client, with a clock the test moves and funds it sets. */
final class WorkerFixture {
  static final int MAX_RETRIES = 2;
  static final Duration PROOF_TIMEOUT = Duration.ofMinutes(10);
  static final ServiceConfig.Worker RULES = new ServiceConfig.Worker(Duration.ofMillis(50), Duration.ofSeconds(30),
      Duration.ofMillis(100), 50, MAX_RETRIES);

  final MutableClock clock = MutableClock.at(Instant.parse("2026-11-25T12:00:00Z"));
  final TestPayouts payouts = new TestPayouts();
  final MongoClient mongo;
  final PayoutRepository repository;
  final LimitLedger limits;
  final SafetyBreaker breaker;
  final PauseSwitch pause;
  final ScriptedTron tron;
  final AtomicReference<Optional<HoldReason>> shortfall = new AtomicReference<>(Optional.empty());
  final PayoutWorker worker;

  WorkerFixture(Vertx vertx, MongoClient mongo) {
    this.mongo = mongo;
    repository = new PayoutRepository(mongo);
    limits = new LimitLedger(mongo);
    breaker = new SafetyBreaker(mongo, new ServiceConfig.Breaker(5, Duration.ofMinutes(5), 3));
    pause = new PauseSwitch(mongo);
    tron = new ScriptedTron(vertx, payouts.seal, clock);
    PlaneBus bus = new PlaneBus(vertx.eventBus(), Plane.WALLET);
    PayoutMetrics metrics = new PayoutMetrics(new SimpleMeterRegistry());
    Funds funds = amount -> shortfall.get();
    worker = new PayoutWorker(new WorkerParts(repository, new PayoutLookups(mongo), bus,
        new EngineSwitches(breaker, pause, clock), funds, payouts.sealer,
        new Quarantine(repository, breaker, metrics, clock, "w1"), limits, new SignerDecisions(bus), metrics,
        PROOF_TIMEOUT.toMillis()), RULES, clock, "w1");
  }

  /** A payout accepted now, due at once, reserving nothing. */
  Payout accepted(String id, long amount) throws Exception {
    return accepted(id, amount, List.of());
  }

  /** A payout that reserved {@code limitKeys} when it was accepted. */
  Payout accepted(String id, long amount, List<String> limitKeys) throws Exception {
    Payout payout = payouts.newPayouts.single(id, TestPayouts.request(amount), new Actor("alice", "req_" + id),
        "end_user", limitKeys, clock.instant());
    repository.insert(payout).await(10, TimeUnit.SECONDS);
    return payout;
  }

  /** One worker round, once whatever the last one asked to wait for has passed. */
  void round() throws Exception {
    clock.advance(Duration.ofSeconds(1));
    worker.round().await(20, TimeUnit.SECONDS);
  }

  Payout read(String id) throws Exception {
    return repository.find(id).await(10, TimeUnit.SECONDS).orElseThrow();
  }

  JsonObject stored(String id) throws Exception {
    return repository.findStored(id).await(10, TimeUnit.SECONDS).orElseThrow();
  }

  List<String> actions(String id) throws Exception {
    return stored(id).getJsonArray(PayoutFields.AUDIT).stream().map(e -> ((JsonObject) e).getString("action"))
        .toList();
  }
}
