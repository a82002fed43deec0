package com.lucid.payment.payout.accept;

import com.lucid.payment.bus.CallContext;
import com.lucid.payment.bus.Plane;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.limits.LimitWindows;
import com.lucid.payment.payout.limits.SafetyBreaker;
import com.lucid.payment.payout.model.ChainIdentity;
import com.lucid.payment.payout.model.PayoutLookups;
import com.lucid.payment.payout.model.PayoutMetrics;
import com.lucid.payment.payout.model.PayoutRepository;
import com.lucid.payment.testing.MutableClock;
import com.lucid.payment.testing.TestPayouts;
import com.lucid.payment.tron.chain.HotWallet;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The accept room on a real store: its parts as the engine builds them, a clock the test moves, and a caller. */
final class AcceptanceFixture {
  static final long USDT = 1_000_000L;
  /** 20 USDT an hour across routers: small enough to run out in a test. */
  static final ServiceConfig.Acceptance RULES = new ServiceConfig.Acceptance(
      new ServiceConfig.RouterLimits(USDT / 100, 50 * USDT, 1_000 * USDT),
      new ServiceConfig.RouterLimits(USDT / 100, 50 * USDT, 1_000 * USDT), 10_000 * USDT, 20 * USDT, Optional.empty());
  static final CallContext ALICE = new CallContext(Plane.OPS, "alice", "end_user", "req_alice");

  final MutableClock clock = MutableClock.at(Instant.parse("2026-11-25T12:00:00Z"));
  final TestPayouts payouts = new TestPayouts();
  final PayoutRepository repository;
  final PayoutLookups lookups;
  final IdempotencyKeys keys;
  final LimitLedger limits;
  final LimitWindows windows = new LimitWindows(RULES);
  final SafetyBreaker breaker;
  final PayoutAcceptance acceptance;

  AcceptanceFixture(MongoClient mongo) {
    repository = new PayoutRepository(mongo);
    lookups = new PayoutLookups(mongo);
    keys = new IdempotencyKeys(mongo);
    limits = new LimitLedger(mongo);
    breaker = new SafetyBreaker(mongo, new ServiceConfig.Breaker(5, Duration.ofMinutes(5), 3));
    ChainIdentity chain = new ChainIdentity(HotWallet.generate(new SecureRandom()).address(), payouts.usdt);
    AcceptParts parts = new AcceptParts(repository, keys, limits, windows, breaker,
        new PayoutMetrics(new SimpleMeterRegistry()), payouts.newPayouts);
    acceptance = new PayoutAcceptance(parts, new PayoutRequests(RULES, chain), clock);
  }

  /** A create message: {idempotency_key, request} of a V0 payout of {@code amount} USDT to a fresh address. */
  static JsonObject create(String key, String amount) {
    return create(key, body(amount));
  }

  static JsonObject create(String key, JsonObject body) {
    return new JsonObject().put("idempotency_key", key).put("request", body);
  }

  static JsonObject body(String amount) {
    return new JsonObject().put("recipient_address", HotWallet.generate(new SecureRandom()).address().base58())
        .put("amount_usdt", amount).put("reason", "component test").put("router_type", "PayoutRouterV0");
  }
}
