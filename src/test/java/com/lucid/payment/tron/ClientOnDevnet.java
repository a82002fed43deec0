package com.lucid.payment.tron;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.Plane;
import com.lucid.payment.bus.PlaneAcl;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.config.ConfigLoader;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.config.ServiceConfig.TronNode;
import com.lucid.payment.devnet.Devnet;
import com.lucid.payment.devnet.DevnetHandle;
import com.lucid.payment.devnet.DevnetOptions;
import com.lucid.payment.seal.PayoutSeal;
import com.lucid.payment.testing.Await;
import com.lucid.payment.tron.api.AttemptRef;
import com.lucid.payment.tron.api.SealedPayout;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.api.TransferOrder;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.chain.SignedTransfer;
import com.lucid.payment.tron.chain.TronAddress;
import com.lucid.payment.tron.node.ChainRules;
import com.lucid.payment.tron.node.FullNode;
import com.lucid.payment.tron.node.NodeClient;
import com.lucid.payment.tron.node.NodeSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A TRON client verticle against a devnet on 127.0.0.1 with fast blocks, and the wallet-plane bus to call it. Tests
 * block on its futures from the JUnit thread, never from an event loop.
 */
final class ClientOnDevnet {
  static final long BLOCK_MS = 50;
  static final long TRX = 1_000_000L;
  static final long USDT = 1_000_000L;

  final Vertx vertx;
  final DevnetHandle devnet;
  final HotWallet wallet;
  final ServiceConfig config;
  final TronEndpoints endpoints;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final PlaneBus bus;
  /** The seal the client checks: tests seal the payouts they ask it to sign with it. */
  final PayoutSeal seal = new PayoutSeal(randomKey());
  private final Map<String, SealedPayout> payouts = new ConcurrentHashMap<>();
  private final String deployment;

  private ClientOnDevnet(Vertx vertx, DevnetHandle devnet, HotWallet wallet, ServiceConfig config,
      TronEndpoints endpoints) {
    this.vertx = vertx;
    this.devnet = devnet;
    this.wallet = wallet;
    this.config = config;
    this.endpoints = endpoints;
    this.bus = new PlaneBus(vertx.eventBus(), Plane.WALLET);
    PlaneAcl.install(vertx.eventBus(), registry);
    this.deployment = await(vertx.deployVerticle(new TronClientVerticle(config.tron(), config.integrity(), endpoints,
        wallet, seal, registry)));
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /** A payout as the payout manager would have sealed it at acceptance. */
  SealedPayout payout(String payoutId, TronAddress recipient, long amount) {
    SealedPayout p = new SealedPayout(payoutId, "test-user", "PayoutRouterV0", recipient, amount, usdt(),
        seal.seal(payoutId, "test-user", "PayoutRouterV0", recipient.base58(), amount, usdt().base58()));
    payouts.put(payoutId, p);
    return p;
  }

  /** The first attempt's order of a new sealed payout. */
  TransferOrder order(String payoutId, TronAddress recipient, long amount) {
    return TransferOrder.of(payout(payoutId, recipient, amount), 1);
  }

  /** A signed attempt with the payout it was signed for (sealed by {@link #payout}). */
  AttemptRef ref(SignedAttempt attempt) {
    return new AttemptRef(payouts.get(attempt.payoutId()), attempt);
  }

  /** An attempt signed outside the client (by hand with the hot wallet), sealed as the client would seal it. */
  SignedAttempt sealed(String payoutId, int n, SignedTransfer signed, long expiration, long feeLimit, long refNumber,
      long signedAt) {
    return new SignedAttempt(payoutId, n, signed.txid(), signed.transactionHex(), expiration, feeLimit, refNumber,
        signedAt, seal.sealAttempt(payoutId, n, signed.txid(), expiration, refNumber));
  }

  /** A funded hot wallet on a fresh devnet; the client reaches it at the URLs {@code urls} gives. */
  static ClientOnDevnet start(Vertx vertx, Path dataDir, Map<String, String> env,
      Function<DevnetHandle, List<String>> urls) {
    return start(vertx, dataDir, env, devnetOptions(), d -> urls.apply(d).stream().map(TronNode::of).toList());
  }

  /** The same on a devnet with these options, reached at the nodes {@code nodes} gives (full and solidity URLs). */
  static ClientOnDevnet start(Vertx vertx, Path dataDir, Map<String, String> env, DevnetOptions options,
      Function<DevnetHandle, List<TronNode>> nodes) {
    HotWallet wallet = HotWallet.generate(new SecureRandom());
    DevnetHandle devnet = await(Devnet.start(vertx, options.withFunded(wallet.address().base58(),
        10_000 * TRX, 1_000 * USDT)));
    Map<String, String> vars = new HashMap<>(Map.of("DATA_DIR", dataDir.toString(),
        "TRON_TX_EXPIRATION_SECONDS", "2", "TRON_REQUEST_TIMEOUT_MS", "2000", "TRON_CONNECT_TIMEOUT_MS", "1000",
        "TRON_BREAKER_MAX_FAILURES", "2", "TRON_BREAKER_RESET_MS", "60000", "TRON_CLOCK_SKEW_MS", "200"));
    vars.putAll(env);
    ServiceConfig config = ConfigLoader.load(vars);
    TronEndpoints endpoints = new TronEndpoints(nodes.apply(devnet), TronAddress.fromBase58(devnet.usdtContract()));
    return new ClientOnDevnet(vertx, devnet, wallet, config, endpoints);
  }

  static ClientOnDevnet start(Vertx vertx, Path dataDir) {
    return start(vertx, dataDir, Map.of(), d -> List.of(d.baseUrl()));
  }

  static DevnetOptions devnetOptions() {
    return DevnetOptions.defaults().withHost("127.0.0.1").withPort(0).withBlockMs(BLOCK_MS);
  }

  TronAddress usdt() {
    return endpoints.usdtContract();
  }

  /** A full-node API of its own on the same URLs, for tests that craft transactions by hand. */
  FullNode node() {
    return new FullNode(new NodeClient(vertx, NodeSettings.of(config.tron(), endpoints.nodes()),
        new SimpleMeterRegistry()), System::currentTimeMillis, new ChainRules(1, 200));
  }

  <T> T call(BusAddress address, Object body) {
    return await(bus.<T>request(address, body));
  }

  /** The failure a call ends with; fails the test if it succeeds. */
  ReplyException failure(BusAddress address, Object body) {
    try {
      Object reply = await(bus.request(address, body));
      return fail("expected a failure, got " + reply);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return assertInstanceOf(ReplyException.class, cause);
    }
  }

  /** Polls until the value satisfies the condition (the test's @Timeout is shorter than this bound). */
  static <T> T eventually(Supplier<T> read, Predicate<T> condition) {
    try {
      return Await.until("the devnet to get there", Duration.ofMinutes(2), read::get, condition);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  void stop() {
    await(vertx.undeploy(deployment));
    await(devnet.close());
  }
}
