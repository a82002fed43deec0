package com.lucid.payment.crash;

import com.lucid.payment.testing.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The service as a separate JVM on one DATA_DIR (embedded store): started, SIGKILLed and started again, each life's
 * output kept in its own log file; at the end stopped for good and its audit chains verified.
 */
final class KillableService implements AutoCloseable {
  private static final String MAIN = "com.lucid.payment.app.Main";

  private final Path dir;
  private final Map<String, String> env;
  private final Path logDir;
  private ServiceProcess life;
  private volatile int gatewayPort = -1;
  private int lives;

  KillableService(Path dir, Map<String, String> env, Path logDir) {
    this.dir = dir;
    this.env = Map.copyOf(env);
    this.logDir = logDir;
  }

  /** The environment of the brief: devnet through a standalone node, fast worker rounds, short leases. */
  static Map<String, String> env(Path dataDir, String nodeUrl, Path keyFile, Path jwtSecretFile) {
    Map<String, String> env = new HashMap<>();
    env.put("TRON_NETWORK", "devnet");
    env.put("TRON_NODE_URL", nodeUrl);
    env.put("TRON_PRIVATE_KEY_FILE", keyFile.toString());
    env.put("JWT_SECRET_FILE", jwtSecretFile.toString());
    env.put("DATA_DIR", dataDir.toString());
    env.put("PORT", "0");
    env.put("METRICS_PORT", "0");
    env.put("WORKER_POLL_MS", "50");
    env.put("WORKER_LEASE_SECONDS", "5");
    env.put("TRON_TX_EXPIRATION_SECONDS", "3");
    env.put("TRON_CLOCK_SKEW_MS", "250");
    env.put("RATE_LIMIT_MULTIPLIER", "100");
    return env;
  }

  /** Starts a new life and waits for its "ready:" line. */
  void start() throws Exception {
    lives++;
    life = ServiceProcess.service(dir, env).awaitReady(90);
    gatewayPort = life.gatewayPort();
  }

  /** SIGKILL: no shutdown hook, no drain, whatever was in flight is cut. */
  void kill() throws Exception {
    gatewayPort = -1;
    life.kill();
    keepLog();
  }

  /** SIGTERM; returns the exit code. */
  int stop() throws Exception {
    gatewayPort = -1;
    int code = life.terminate(60);
    keepLog();
    return code;
  }

  /** The gateway's port while a life is up, else -1. */
  int gatewayPort() {
    return gatewayPort;
  }

  int lives() {
    return lives;
  }

  /** Runs {@code verify-audit} with the service's environment (the service must be stopped). */
  ServiceRun verifyAudit() throws Exception {
    try (ServiceProcess audit = ServiceProcess.start(dir, env, MAIN, "verify-audit")) {
      int code = audit.waitForExit(120);
      return new ServiceRun(code, audit.output());
    }
  }

  /** A finished command: its exit code and output. */
  record ServiceRun(int exitCode, String output) {}

  private void keepLog() throws IOException {
    Files.createDirectories(logDir);
    Files.writeString(logDir.resolve("service-" + lives + ".log"), life.output());
    life = null;
  }

  @Override
  public void close() throws Exception {
    if (life != null) {
      kill();
    }
  }
}
