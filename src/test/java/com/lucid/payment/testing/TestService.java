package com.lucid.payment.testing;

import com.lucid.payment.app.Application;
import com.lucid.payment.config.ConfigLoader;
import com.lucid.payment.devnet.DevnetHandle;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.chain.TronAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The whole service in-process on a fast embedded devnet, for end-to-end tests. */
public final class TestService implements AutoCloseable {
  private final Application app;

  private TestService(Application app) {
    this.app = app;
  }

  /** Fast blocks and worker rounds, short expirations, devnet control on; {@code extra} overrides. */
  public static Map<String, String> fastEnv(Path dir) {
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", dir.toString());
    env.put("PORT", "0");
    env.put("METRICS_PORT", "0");
    env.put("DEVNET_BLOCK_MS", "50");
    env.put("DEVNET_CONTROL", "true");
    env.put("WORKER_POLL_MS", "50");
    env.put("WORKER_LEASE_SECONDS", "5");
    env.put("TRON_TX_EXPIRATION_SECONDS", "3");
    env.put("RATE_LIMIT_MULTIPLIER", "100");
    return env;
  }

  public static TestService start(Map<String, String> env) throws Exception {
    return new TestService(Application.start(ConfigLoader.load(env)).await(60, TimeUnit.SECONDS));
  }

  /** The service with the engine on a clock the test moves (release windows, limit days). */
  public static TestService start(Map<String, String> env, java.time.Clock clock) throws Exception {
    return new TestService(Application.start(ConfigLoader.load(env), clock).await(60, TimeUnit.SECONDS));
  }

  public Application app() {
    return app;
  }

  public DevnetHandle devnet() {
    return app.devnet().orElseThrow();
  }

  /** A fresh address that never held anything. */
  public static TronAddress newAddress() {
    return HotWallet.generate(new SecureRandom()).address();
  }

  @Override
  public void close() throws Exception {
    app.stop().await(60, TimeUnit.SECONDS);
  }
}
