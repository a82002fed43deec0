package com.lucid.payment.app;

import com.lucid.payment.auth.DevnetSecret;
import com.lucid.payment.bus.Plane;
import com.lucid.payment.bus.PlaneAcl;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.config.TronNetwork;
import com.lucid.payment.gateway.DevnetBanner;
import com.lucid.payment.gateway.GatewayVerticle;
import com.lucid.payment.management.HealthChecks;
import com.lucid.payment.management.ManagementVerticle;
import com.lucid.payment.payout.PayoutManagerVerticle;
import com.lucid.payment.store.Store;
import com.lucid.payment.tron.TronClientVerticle;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/** One running service: Vert.x with metrics, the store, and the plane verticles, started and stopped in order. */
public final class Application {
  private static final Logger LOG = Logger.getLogger(Application.class.getName());
  static final String VERSION = "0.1.0";

  private final ServiceConfig config;
  private final Vertx vertx;
  private final PrometheusMeterRegistry registry;
  private final AtomicBoolean accepting = new AtomicBoolean(false);
  private final Deque<String> deployments = new ArrayDeque<>();
  private Store store;
  private GatewayVerticle gateway;
  private ManagementVerticle management;

  private Application(ServiceConfig config, Vertx vertx, PrometheusMeterRegistry registry) {
    this.config = config;
    this.vertx = vertx;
    this.registry = registry;
  }

  /** Starts everything; on failure whatever started is stopped again and the failure is returned. */
  public static Future<Application> start(ServiceConfig config) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
            .setJvmMetricsEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    PlaneAcl.install(vertx.eventBus(), registry);
    Application app = new Application(config, vertx, registry);
    return app.startParts().map(v -> app)
        .recover(err -> app.stop().transform(ignored -> Future.failedFuture(err)));
  }

  private Future<Void> startParts() {
    ServiceConfig.Http http = config.http();
    // the gateway's key material: on devnet without JWT_SECRET_FILE the secret is created once, then reused
    Future<ServiceConfig.Jwt> jwt = vertx.executeBlocking(() -> DevnetSecret.ensure(config.gateway().jwt()));
    return jwt.compose(keyed -> Store.open(vertx, config.store()))
        .compose(s -> {
          store = s;
          return deploy(new TronClientVerticle(config.tron()));
        })
        .compose(v -> deploy(new PayoutManagerVerticle(store)))
        .compose(v -> {
          HealthChecks health = new HealthChecks(store, new PlaneBus(vertx.eventBus(), Plane.WALLET),
              accepting::get, VERSION);
          management = new ManagementVerticle(health, registry, http.bindAddress(), http.managementPort());
          return deploy(management);
        })
        .compose(v -> {
          gateway = new GatewayVerticle(http.bindAddress(), http.gatewayPort(),
              new ServiceConfig.Gateway(jwt.result(), config.gateway().rateLimitMultiplier()));
          return deploy(gateway);
        })
        .onSuccess(v -> {
          accepting.set(true);
          LOG.info(() -> "ready: gateway http://" + http.bindAddress() + ":" + gatewayPort()
              + " management http://" + http.bindAddress() + ":" + managementPort()
              + " network=" + config.tron().network().configName()
              + " store=" + (config.store().embedded() ? "embedded" : "mongodb"));
          if (config.tron().network() == TronNetwork.DEVNET) {
            System.out.println(DevnetBanner.text(jwt.result(), http.bindAddress(), gatewayPort(), Instant.now()));
          }
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

  /**
   * Graceful stop: readiness drops, the gateway stops accepting, then the other verticles stop in reverse order of
   * start (the payout manager waits for its in-flight writes), then the store closes, then Vert.x.
   */
  public Future<Void> stop() {
    accepting.set(false);
    Future<Void> chain = Future.succeededFuture();
    while (!deployments.isEmpty()) {
      String id = deployments.pop();
      chain = chain.compose(v -> vertx.undeploy(id)).recover(err -> Future.succeededFuture());
    }
    return chain
        .compose(v -> store == null ? Future.<Void>succeededFuture() : store.close())
        .recover(err -> Future.succeededFuture())
        .compose(v -> vertx.close())
        .onComplete(done -> LOG.info("stopped"));
  }
}
