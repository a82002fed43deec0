package com.lucid.payment.testing;

import com.lucid.payment.api.Role;
import com.lucid.payment.app.Application;
import com.lucid.payment.auth.TokenIssuer;
import com.lucid.payment.config.ServiceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
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
  private final ServiceConfig config;

  private TestService(Application app, ServiceConfig config) {
    this.app = app;
    this.config = config;
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
    env.put("WORKER_CHAIN_RECHECK_MS", "100");
    env.put("TRON_TX_EXPIRATION_SECONDS", "3");
    env.put("TRON_CLOCK_SKEW_MS", "250");
    env.put("RATE_LIMIT_MULTIPLIER", "100");
    env.put("JWT_SECRET_FILE", jwtSecret(dir).toString());
    return env;
  }

  private static Path jwtSecret(Path dir) {
    try {
      Path file = dir.resolve("jwt-secret");
      Files.createDirectories(dir);
      if (!Files.exists(file)) {
        Files.writeString(file, "test-secret-of-at-least-thirty-two-bytes-" + new SecureRandom().nextLong());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TestService start(Map<String, String> env) throws Exception {
    ServiceConfig config = ConfigLoader.load(env);
    return new TestService(Application.start(config).await(60, TimeUnit.SECONDS), config);
  }

  /** The service with the engine on a clock the test moves (release windows, limit days). */
  public static TestService start(Map<String, String> env, java.time.Clock clock) throws Exception {
    ServiceConfig config = ConfigLoader.load(env);
    return new TestService(Application.start(config, clock).await(60, TimeUnit.SECONDS), config);
  }

  /** A JWT the service accepts, signed with its secret. */
  public String token(String user, Role role) {
    return new TokenIssuer(config.gateway().jwt()).issue(user, role, Duration.ofMinutes(10), Instant.now());
  }

  /** A token that expired an hour ago. */
  public String tokenExpired(String user, Role role) {
    return new TokenIssuer(config.gateway().jwt()).issue(user, role, Duration.ofMinutes(10),
        Instant.now().minus(Duration.ofHours(1)));
  }

  /** The gateway's base URL. */
  public String api() {
    return "http://127.0.0.1:" + app.gatewayPort() + "/api/payment";
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
