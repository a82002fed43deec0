package com.lucid.payment.deploy;

import static com.lucid.payment.deploy.ExternalTool.handOver;
import static com.lucid.payment.deploy.ExternalTool.require;
import static com.lucid.payment.deploy.ExternalTool.unprivileged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both torrc files as the real tor reads them: config check and an offline start of the onion service. */
@Tag("deploy")
class TorrcTest {
  private static final Duration TOR_TIMEOUT = Duration.ofSeconds(60);
  /** Printed because the dry run logs at info level to see the client key load; not a config issue. */
  private static final String OWN_INFO_LOGGING_WARNING = "Your log may contain sensitive information";

  static Stream<String> torrcFiles() {
    return Stream.of("torrc", "docker/torrc");
  }

  @ParameterizedTest
  @MethodSource("torrcFiles")
  void torAcceptsTheConfigurationWithoutWarnings(String file, @TempDir Path scratch) throws Exception {
    String tor = require("tor");
    Path torrc = TorrcFile.load(file).copyInto(scratch);
    handOver(scratch);

    ExternalTool.Run run = ExternalTool.run(TOR_TIMEOUT,
        unprivileged(List.of(tor, "--verify-config", "-f", torrc.toString(), "--Log", "notice stderr")));

    assertEquals(0, run.exitCode(), run::describe);
    assertTrue(run.stdout().contains("Configuration was valid"), run::describe);
    assertEquals(List.of(), warnings(run.output()), run::describe);
  }

  @ParameterizedTest
  @MethodSource("torrcFiles")
  void onionServiceStartsOfflineWithItsDefencesAndAnAuthorizedClient(String file, @TempDir Path scratch)
      throws Exception {
    String tor = require("tor");
    Path torrc = TorrcFile.load(file).copyInto(scratch);
    Path serviceDir = Files.createDirectory(TorrcFile.serviceDir(scratch),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    ExternalTool.Run added = ExternalTool.run(Duration.ofSeconds(30),
        List.of(ExternalTool.projectFile("scripts/onion-client").toString(), "add", "alice",
            serviceDir.toString()));
    assertEquals(0, added.exitCode(), "onion-client add failed: " + added.stderr());
    handOver(scratch);

    String log = runOffline(tor, torrc, serviceDir.resolve("hostname"), scratch);

    assertTrue(Files.readString(serviceDir.resolve("hostname")).strip().matches("[a-z2-7]{56}\\.onion"),
        "hostname is not a v3 onion address");
    assertTrue(log.contains("Loaded a client authorization key file alice.auth."), log);
    assertTrue(log.contains("Service PoW defenses are enabled"), log);
    assertTrue(log.contains("Service INTRO2 DoS defenses rate set to"), log);
    assertEquals(List.of(), warnings(log), log);
  }

  @ParameterizedTest
  @MethodSource("torrcFiles")
  void torrcKeepsSocksPrivateAndTheOnionServiceDefended(String file) throws IOException {
    TorrcFile torrc = TorrcFile.load(file);

    assertFalse(torrc.values("SocksPort").isEmpty(), file + " has no SocksPort");
    torrc.values("SocksPort").forEach(port -> assertTrue(
        port.startsWith("127.0.0.1:") || port.startsWith("10."), file + ": public SocksPort " + port));
    List<String> policy = torrc.values("SocksPolicy");
    assertTrue(policy.size() >= 2 && policy.get(policy.size() - 1).equals("reject *"),
        file + ": SocksPolicy must accept the clients it needs, then reject *");
    assertEquals(List.of("1"), torrc.values("ClientOnly"), file);
    assertEquals(List.of("0"), torrc.values("ExitRelay"), file);
    assertEquals(List.of(TorrcFile.SERVICE_DIR), torrc.values("HiddenServiceDir"), file);
    assertEquals(1, torrc.values("HiddenServicePort").size(), file + ": one onion port only");
    assertTrue(torrc.values("HiddenServicePort").get(0).matches("80 [0-9.]+:8080"),
        file + ": the onion service forwards to the gateway (8080), never to management (8090)");
    assertEquals(List.of("1"), torrc.values("HiddenServiceMaxStreamsCloseCircuit"), file);
    assertEquals(List.of("1"), torrc.values("HiddenServiceEnableIntroDoSDefense"), file);
    assertEquals(List.of("1"), torrc.values("HiddenServicePoWDefensesEnabled"), file);
    assertEquals(List.of("haproxy"), torrc.values("HiddenServiceExportCircuitID"),
        file + ": the gateway's per-address limits are per circuit only when tor names the circuit");
  }

  @Test
  void offTheDevnetTheGatewayExpectsTheCircuitHeaderTheHostTorrcSends(@TempDir Path dir) throws IOException {
    Path key = Files.writeString(dir.resolve("key"), "01".repeat(32));
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Path secret = Files.writeString(dir.resolve("jwt"), "s".repeat(40));
    Path seal = Files.writeString(dir.resolve("seal"), "k".repeat(32));
    Files.setPosixFilePermissions(seal, PosixFilePermissions.fromString("rw-------"));
    boolean expected = ConfigLoader.load(Map.of("TRON_NETWORK", "nile", "TRON_PRIVATE_KEY_FILE", key.toString(),
        "JWT_SECRET_FILE", secret.toString(), "PAYOUT_SEAL_KEY_FILE", seal.toString(), "DATA_DIR", dir.toString()))
        .gateway().edge().proxyProtocol();
    assertEquals(List.of("haproxy"), TorrcFile.load("torrc").values("HiddenServiceExportCircuitID"));
    assertTrue(expected, "the host torrc sends a PROXY header the gateway would not expect by default");
  }

  @Test
  void hostTorrcServesTheLoopbackGatewayAndProxiesOnLoopback() throws IOException {
    TorrcFile torrc = TorrcFile.load("torrc");

    assertEquals(List.of("80 127.0.0.1:8080"), torrc.values("HiddenServicePort"));
    assertEquals("127.0.0.1:9050", torrc.values("SocksPort").get(0).split("\\s+")[0]);
  }

  /** Runs tor with the network disabled until it has set up the onion service; returns its log. */
  private static String runOffline(String tor, Path torrc, Path hostname, Path scratch)
      throws IOException, InterruptedException {
    Path stdout = scratch.resolve("tor.out");
    Path stderr = scratch.resolve("tor.err");
    // [rend]info shows the client keys and the DoS/PoW settings tor actually loaded
    List<String> command = unprivileged(List.of(tor, "-f", torrc.toString(), "--DisableNetwork", "1",
        "--Log", "notice stderr", "--Log", "[rend]info stderr"));
    Process process = ExternalTool.start(Map.of(), command, stdout, stderr);
    try {
      long deadline = System.nanoTime() + TOR_TIMEOUT.toNanos();
      while (process.isAlive() && System.nanoTime() < deadline && !(Files.exists(hostname)
          && Files.readString(stderr).contains("Delaying directory fetches"))) {
        Thread.sleep(100);
      }
      assertTrue(process.isAlive(), () -> "tor exited early:\n" + read(stderr));
      assertTrue(Files.exists(hostname), () -> "no onion service created:\n" + read(stderr));
    } finally {
      process.destroy();
      process.waitFor();
    }
    return Files.readString(stdout) + Files.readString(stderr);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static List<String> warnings(String log) {
    return log.lines()
        .filter(line -> line.contains("[warn]") || line.contains("[err]"))
        .filter(line -> !line.contains(OWN_INFO_LOGGING_WARNING))
        .toList();
  }
}
