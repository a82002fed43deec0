package com.lucid.payment.app;

import com.lucid.payment.auth.DevnetSecret;
import com.lucid.payment.bus.Plane;
import com.lucid.payment.bus.PlaneAcl;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.config.JdkCryptoFirst;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.config.TronNetwork;
import com.lucid.payment.devnet.Devnet;
import com.lucid.payment.devnet.DevnetHandle;
import com.lucid.payment.devnet.DevnetOptions;
import com.lucid.payment.gateway.DevnetBanner;
import com.lucid.payment.gateway.GatewayVerticle;
import com.lucid.payment.management.HealthChecks;
import com.lucid.payment.management.HttpMetrics;
import com.lucid.payment.management.ManagementVerticle;
import com.lucid.payment.payout.PayoutManagerVerticle;
import com.lucid.payment.seal.PayoutSeal;
import com.lucid.payment.seal.SealKeyFile;
import com.lucid.payment.store.Store;
import com.lucid.payment.tron.HotWalletKeyFile;
import com.lucid.payment.tron.TronClientVerticle;
import com.lucid.payment.tron.TronEndpoints;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.chain.TronAddress;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/** One running service: Vert.x with metrics, the store, and the plane verticles, started and stopped in order. */
public final class Application {
  private static final Logger LOG = Logger.getLogger(Application.class.getName());
  static final String VERSION = "0.1.0";
  /** No route of the service is a WebSocket. */
  public static final String NO_WEBSOCKETS = "vertx.disableWebsockets";

  private final ServiceConfig config;
  private final Vertx vertx;
  private final PrometheusMeterRegistry registry;
  private final java.time.Clock clock;
  private final AtomicBoolean accepting = new AtomicBoolean(false);
  private final Deque<String> deployments = new ArrayDeque<>();
  private Store store;
  private PayoutSeal seal;
  private DevnetHandle devnet;
  private GatewayVerticle gateway;
  private ManagementVerticle management;

  private Application(ServiceConfig config, Vertx vertx, PrometheusMeterRegistry registry, java.time.Clock clock) {
    this.config = config;
    this.clock = clock;
    this.vertx = vertx;
    this.registry = registry;
  }

  /** Starts everything; on failure whatever started is stopped again and the failure is returned. */
  public static Future<Application> start(ServiceConfig config) {
    return start(config, java.time.Clock.systemUTC());
  }

  /** The same, with the clock the payout engine lives by (release windows, limits, leases): tests move it. */
  public static Future<Application> start(ServiceConfig config, java.time.Clock clock) {
    // read once, when Vert.x first starts an HTTP server: with WebSockets off a request of an HTTP version Vert.x does
    // not know (HTTP/1.2) reaches the gateway's router, which answers it in the envelope, instead of an empty 501
    System.setProperty(NO_WEBSOCKETS, "true");
    JdkCryptoFirst.ensure(); // TLS to the store and to the nodes on the JDK's AES, whatever trident reordered
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    HttpMetrics.bound(registry, config.tron().network() == TronNetwork.DEVNET && config.tron().nodeUrls().isEmpty());
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(HttpMetrics.options()))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    PlaneAcl.install(vertx.eventBus(), registry);
    Application app = new Application(config, vertx, registry, clock);
    // a promise made outside any Vert.x context: its listeners still run after a failed start has closed Vert.x
    Promise<Application> started = Promise.promise();
    app.startParts().onComplete(ar -> {
      if (ar.succeeded()) {
        started.complete(app);
      } else {
        app.stop().onComplete(stopped -> started.fail(ar.cause()));
      }
    });
    return started.future();
  }

  private Future<Void> startParts() {
    ServiceConfig.Http http = config.http();
    return Store.open(vertx, config.store())
        .compose(s -> {
          store = s;
          return vertx.executeBlocking(() -> SealKeyFile.load(config.integrity()));
        })
        .compose(key -> {
          seal = key;
          return startTron();
        })
        .compose(v -> deploy(new PayoutManagerVerticle(store, config, seal, registry, clock)))
        .compose(v -> {
          HealthChecks health = new HealthChecks(store, new PlaneBus(vertx.eventBus(), Plane.WALLET),
              accepting::get, VERSION);
          management = new ManagementVerticle(health, registry, http.bindAddress(), http.managementPort());
          return deploy(management);
        })
        // the gateway's key material: on devnet without JWT_SECRET_FILE the secret is created once, then reused
        .compose(v -> vertx.executeBlocking(() -> DevnetSecret.ensure(config.gateway().jwt())))
        .compose(jwt -> {
          gateway = new GatewayVerticle(http.bindAddress(), http.gatewayPort(), config.gateway().withJwt(jwt));
          return deploy(gateway).map(jwt);
        })
        .onSuccess(jwt -> {
          accepting.set(true);
          LOG.info(() -> "ready: gateway http://" + http.bindAddress() + ":" + gatewayPort()
              + " management http://" + http.bindAddress() + ":" + managementPort()
              + " network=" + config.tron().network().configName()
              + " store=" + (config.store().embedded() ? "embedded" : "mongodb"));
          if (config.tron().network() == TronNetwork.DEVNET) {
            System.out.println(DevnetBanner.text(jwt, http.bindAddress(), gatewayPort(), Instant.now()));
          }
        })
        .mapEmpty();
  }

  /** Loads (on devnet: creates) the hot wallet key, starts the embedded devnet when it is the node, then the client. */
  private Future<Void> startTron() {
    ServiceConfig.Tron tron = config.tron();
    boolean onDevnet = tron.network() == TronNetwork.DEVNET;
    return vertx.executeBlocking(() -> HotWalletKeyFile.load(tron.privateKeyFile(), onDevnet))
        .compose(wallet -> tronEndpoints(wallet)
            .compose(endpoints -> deploy(new TronClientVerticle(tron, config.integrity(), endpoints, wallet, seal,
                registry))));
  }

  private Future<TronEndpoints> tronEndpoints(HotWallet wallet) {
    ServiceConfig.Tron tron = config.tron();
    if (tron.network() != TronNetwork.DEVNET) {
      return Future.succeededFuture(new TronEndpoints(tron.nodeUrls(),
          TronAddress.fromBase58(tron.usdtContract().orElseThrow())));
    }
    if (!tron.nodeUrls().isEmpty()) {
      // a standalone devnet process: its USDT contract is the same in every devnet
      return Future.succeededFuture(new TronEndpoints(tron.nodeUrls(),
          TronAddress.fromBase58(tron.usdtContract().orElse(DevnetHandle.USDT_CONTRACT))));
    }
    // java-tron's layout, the solidity API on a port of its own: what an operator's own node looks like
    DevnetOptions options = DevnetOptions.defaults().withHost("127.0.0.1").withPort(0).withSolidityPort(0)
        .withBlockMs(tron.devnetBlockMs())
        .withControl(tron.devnet().control())
        .withFunded(wallet.address().base58(), tron.devnet().fundTrxSun(), tron.devnet().fundUsdtUnits());
    return Devnet.start(vertx, options).map(handle -> {
      devnet = handle;
      LOG.info(() -> "embedded devnet at " + handle.baseUrl() + "|" + handle.solidityUrl() + " (USDT "
          + handle.usdtContract() + ", control " + (tron.devnet().control() ? "on" : "off") + "), hot wallet "
          + wallet.address());
      return new TronEndpoints(List.of(new ServiceConfig.TronNode(handle.baseUrl(), handle.solidityUrl())),
          TronAddress.fromBase58(handle.usdtContract()));
    });
  }

  private Future<Void> deploy(io.vertx.core.Deployable verticle) {
    return vertx.deployVerticle(verticle).map(id -> {
      deployments.push(id);
      return null;
    });
  }

  public int gatewayPort() {
    return gateway.actualPort();
  }

  public int managementPort() {
    return management.actualPort();
  }

  public Vertx vertx() {
    return vertx;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The embedded devnet, when this instance runs one. */
  /** The store, for operator commands and tests. */
  public Store store() {
    return store;
  }

  public Optional<DevnetHandle> devnet() {
    return Optional.ofNullable(devnet);
  }

  /**
   * Graceful stop: readiness drops, the gateway stops accepting, then the other verticles stop in reverse order of
   * start (the payout manager waits for its in-flight writes), then the embedded devnet (after the TRON client), then
   * the store closes, then Vert.x.
   */
  public Future<Void> stop() {
    accepting.set(false);
    Future<Void> chain = Future.succeededFuture();
    while (!deployments.isEmpty()) {
      String id = deployments.pop();
      chain = chain.compose(v -> vertx.undeploy(id)).recover(err -> Future.succeededFuture());
    }
    return chain
        .compose(v -> devnet == null ? Future.<Void>succeededFuture() : devnet.close())
        .recover(err -> Future.succeededFuture())
        .compose(v -> store == null ? Future.<Void>succeededFuture() : store.close())
        .recover(err -> Future.succeededFuture())
        .compose(v -> vertx.close())
        .onComplete(done -> LOG.info("stopped"));
  }
}
