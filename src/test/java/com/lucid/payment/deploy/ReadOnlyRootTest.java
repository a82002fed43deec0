package com.lucid.payment.deploy;

import static com.lucid.payment.deploy.ExternalTool.unprivileged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.lucid.payment.testing.Await;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container's run conditions without Docker: the fat jar in a read-only directory, a non-root
 * user, one writable directory standing in for the /tmp tmpfs, and the image's own ENTRYPOINT and
 * HEALTHCHECK command lines (from docker/Dockerfile) with their paths mapped onto those directories.
 */
@Tag("deploy")
class ReadOnlyRootTest {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern READY =
      Pattern.compile("ready: gateway http://\\S+ management http://127\\.0\\.0\\.1:(\\d+)");
  private static final String IMAGE_JAR = "/app/tron-payment-service.jar";

  @TempDir Path root;

  @Test
  void serviceRunsReadOnlyAsNonRootAndPassesTheImageHealthCheck() throws Exception {
    Path app = Files.createDirectory(root.resolve("app"));
    Path jar = Files.copy(FatJar.current(), app.resolve("tron-payment-service.jar"));
    Path tmp = Files.createDirectory(root.resolve("tmp"));
    readOnly(app, jar);
    writableOnlyByTheServiceUser(tmp);
    DockerfileStages image = DockerfileStages.load("docker/Dockerfile");
    List<String> entrypoint = mapped(image.inFinalStage("ENTRYPOINT").get(0).execForm(), jar, tmp);
    Map<String, String> env = Map.of("HOME", tmp.resolve("home").toString(),
        "DATA_DIR", tmp.resolve("data").toString(), "BIND_ADDRESS", "127.0.0.1",
        "PORT", "0", "METRICS_PORT", "0");
    Path stdout = root.resolve("service.out");
    Path stderr = root.resolve("service.err");

    Process service = ExternalTool.startIsolated(app, env, unprivileged(entrypoint), stdout, stderr);
    try {
      int managementPort = awaitReady(service, stdout, stderr);

      assertEquals(200, status(URI.create("http://127.0.0.1:" + managementPort + "/health/ready")));
      List<String> probe = new ArrayList<>(mapped(
          image.inFinalStage("HEALTHCHECK").get(0).execForm(), jar, tmp));
      probe.add(String.valueOf(managementPort));
      ExternalTool.Run health = ExternalTool.run(Duration.ofSeconds(30), unprivileged(probe));
      assertEquals(0, health.exitCode(), health::describe);
      assertTrue(health.stdout().startsWith("healthy: HTTP 200"), health::describe);
    } finally {
      service.destroy(); // SIGTERM, as `docker stop` sends
      if (!service.waitFor(60, TimeUnit.SECONDS)) {
        service.destroyForcibly().waitFor();
        fail("the service did not stop within 60 s of SIGTERM:\n" + Files.readString(stderr));
      }
    }
    assertEquals(143, service.exitValue(), "a SIGTERM stop is graceful:\n" + Files.readString(stderr));
    try (Stream<Path> beside = Files.list(app)) {
      assertEquals(List.of(jar), beside.toList(), "nothing was written beside the jar");
    }
    try (Stream<Path> data = Files.list(tmp.resolve("data"))) {
      assertTrue(data.findAny().isPresent(), "the embedded store lives in DATA_DIR");
    }
  }

  /** The image's command with its java, jar and /tmp paths moved onto this machine. */
  private static List<String> mapped(List<String> command, Path jar, Path tmp) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return command.stream()
        .map(arg -> arg.equals("/usr/bin/java") ? java : arg)
        .map(arg -> arg.equals(IMAGE_JAR) ? jar.toString() : arg)
        .map(arg -> arg.replace("=/tmp", "=" + tmp))
        .toList();
  }

  private static void readOnly(Path app, Path jar) throws IOException {
    Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("r--r--r--"));
    Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("r-xr-xr-x"));
    // the @TempDir itself is private to the test user; the service user must reach app/ and tmp/
    Files.setPosixFilePermissions(app.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static void writableOnlyByTheServiceUser(Path tmp) throws IOException {
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
    ExternalTool.handOver(tmp);
  }

  /** Waits for the service's ready line and returns its management port. */
  private static int awaitReady(Process service, Path stdout, Path stderr) throws Exception {
    Optional<Integer> port = Await.atMost(START_TIMEOUT, () -> {
      Matcher ready = READY.matcher(Files.readString(stdout) + Files.readString(stderr));
      if (ready.find()) {
        return Optional.of(Integer.parseInt(ready.group(1)));
      }
      if (!service.isAlive()) {
        fail("the service exited with " + service.exitValue() + " before it was ready:\n"
            + Files.readString(stdout) + Files.readString(stderr));
      }
      return Optional.<Integer>empty();
    }, Optional::isPresent).flatMap(p -> p);
    if (port.isPresent()) {
      return port.get();
    }
    return fail("the service was not ready within " + START_TIMEOUT + ":\n" + Files.readString(stderr));
  }

  private static int status(URI uri) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
    connection.setConnectTimeout(5_000);
    connection.setReadTimeout(10_000);
    try {
      return connection.getResponseCode();
    } finally {
      connection.disconnect();
    }
  }
}
