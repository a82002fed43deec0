package com.lucid.payment.app;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * Container health probe: exits 0 when the management port answers 200 on /health/ready, 1 otherwise.
 *
 * <p>The runtime image has no shell or curl, so Docker's HEALTHCHECK runs this class from the fat jar
 * in a JVM of its own. It touches nothing but the JDK: no Vert.x start-up cost.
 *
 * <p>Usage: {@code HealthCheck [PORT [HOST]]}. Without arguments it follows the service's own
 * environment: port MANAGEMENT_PORT, else METRICS_PORT, else 8090; host MANAGEMENT_HOST, else
 * BIND_ADDRESS unless that is a wildcard, else 127.0.0.1. Prints one line either way.
 */
public final class HealthCheck {
  static final String PATH = "/health/ready";
  static final int DEFAULT_PORT = 8090;
  static final String DEFAULT_HOST = "127.0.0.1";
  /** Bind addresses that mean "every interface": the probe then uses loopback. */
  private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]");
  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
  private static final int READ_TIMEOUT_MILLIS = 3_000;

  private HealthCheck() {}

  public static void main(String[] args) {
    String verdict;
    boolean healthy = false;
    try {
      URI target = target(args);
      String answer = probe(target);
      healthy = answer.equals("HTTP 200");
      verdict = answer + " from " + target;
    } catch (IllegalArgumentException e) {
      verdict = e.getMessage();
    }
    System.out.println((healthy ? "healthy: " : "unhealthy: ") + verdict);
    System.exit(healthy ? 0 : 1);
  }

  /** The readiness URL from the arguments, else the environment, else the defaults. */
  static URI target(String[] args) {
    if (args.length > 2) {
      throw new IllegalArgumentException("usage: HealthCheck [PORT [HOST]]");
    }
    String port = args.length > 0 ? args[0] : firstSet("MANAGEMENT_PORT", "METRICS_PORT");
    String host = args.length > 1 ? args[1] : firstSet("MANAGEMENT_HOST", "BIND_ADDRESS");
    int portNumber = port == null ? DEFAULT_PORT : parsePort(port);
    String hostName = host == null || WILDCARDS.contains(host) ? DEFAULT_HOST : host;
    try {
      // this URI constructor brackets an IPv6 literal itself
      return new URI("http", null, hostName, portNumber, PATH, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("bad host '" + hostName + "'", e);
    }
  }

  private static String firstSet(String... names) {
    for (String name : names) {
      String value = System.getenv(name);
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }

  private static int parsePort(String port) {
    try {
      int value = Integer.parseInt(port);
      if (value >= 1 && value <= 65535) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the offending value
    }
    throw new IllegalArgumentException("bad port '" + port + "'");
  }

  /** "HTTP status" of a GET on target, or why no HTTP answer came within the timeouts. */
  static String probe(URI target) {
    HttpURLConnection connection = null;
    try {
      // never through a proxy: the probe checks this container, not a route out of it
      connection = (HttpURLConnection) target.toURL().openConnection(Proxy.NO_PROXY);
      connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
      connection.setReadTimeout(READ_TIMEOUT_MILLIS);
      connection.setInstanceFollowRedirects(false);
      connection.setUseCaches(false);
      return "HTTP " + connection.getResponseCode();
    } catch (IOException e) {
      return "no HTTP answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }
}
