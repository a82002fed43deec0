package com.lucid.payment.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The container health probe, run as Docker runs it: its own JVM, judged by exit code and one line. */
class HealthCheckTest {
  private final AtomicInteger readiness = new AtomicInteger(200);
  private HttpServer management;

  @BeforeEach
  void managementPort() throws Exception {
    management = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    management.createContext("/health/ready", exchange -> {
      exchange.sendResponseHeaders(readiness.get(), -1);
      exchange.close();
    });
    management.start();
  }

  @AfterEach
  void stop() {
    management.stop(0);
  }

  @Test
  void readyServiceIsHealthy() throws Exception {
    ExternalTool.Run probe = healthCheck(Map.of(), port());

    assertEquals(0, probe.exitCode(), probe::describe);
    assertEquals("healthy: HTTP 200 from http://127.0.0.1:" + port() + "/health/ready\n", probe.stdout());
  }

  @Test
  void serviceAnswering503IsUnhealthy() throws Exception {
    readiness.set(503);

    ExternalTool.Run probe = healthCheck(Map.of(), port());

    assertEquals(1, probe.exitCode(), probe::describe);
    assertTrue(probe.stdout().startsWith("unhealthy: HTTP 503"), probe::describe);
  }

  @Test
  void nothingListeningIsUnhealthy() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }

    ExternalTool.Run probe = healthCheck(Map.of(), String.valueOf(closed));

    assertEquals(1, probe.exitCode(), probe::describe);
    assertTrue(probe.stdout().startsWith("unhealthy: no HTTP answer"), probe::describe);
  }

  @Test
  void managementPortComesFromTheEnvironmentWithoutArguments() throws Exception {
    ExternalTool.Run probe = healthCheck(Map.of("MANAGEMENT_PORT", port()));

    assertEquals(0, probe.exitCode(), probe::describe);
  }

  @Test
  void probeFollowsTheServicesOwnPortAndWildcardBindAddress() throws Exception {
    ExternalTool.Run probe = healthCheck(Map.of("METRICS_PORT", port(), "BIND_ADDRESS", "0.0.0.0"));

    assertEquals(0, probe.exitCode(), probe::describe);
    assertTrue(probe.stdout().contains("http://127.0.0.1:" + port() + "/"), probe::describe);
  }

  @Test
  void badPortIsUnhealthyNotACrash() throws Exception {
    ExternalTool.Run probe = healthCheck(Map.of(), "not-a-port");

    assertEquals(1, probe.exitCode(), probe::describe);
    assertEquals("unhealthy: bad port 'not-a-port'\n", probe.stdout());
  }

  private String port() {
    return String.valueOf(management.getAddress().getPort());
  }

  /** Runs HealthCheck in a fresh JVM on the compiled classes, as the image's HEALTHCHECK does. */
  static ExternalTool.Run healthCheck(Map<String, String> env, String... args) throws Exception {
    return healthCheck(ExternalTool.PROJECT.resolve("target/classes"), env, args);
  }

  static ExternalTool.Run healthCheck(Path classPath, Map<String, String> env, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-Xmx16m", "-XX:TieredStopAtLevel=1",
        "-cp", classPath.toString(), "com.lucid.payment.app.HealthCheck"));
    command.addAll(List.of(args));
    Map<String, String> environment = new HashMap<>(env);
    for (String inherited : List.of("MANAGEMENT_PORT", "METRICS_PORT", "MANAGEMENT_HOST", "BIND_ADDRESS")) {
      environment.putIfAbsent(inherited, null);
    }
    return ExternalTool.run(Duration.ofSeconds(30), environment, command);
  }
}
