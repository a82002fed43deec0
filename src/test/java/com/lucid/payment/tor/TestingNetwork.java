package com.lucid.payment.tor;

import com.lucid.payment.deploy.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A private Tor network on 127.0.0.1, every key and torrc generated in a folder of its own: 3 directory authorities
 * (also relays), 2 middle relays and 1 exit that allows nothing but loopback. Chutney's rapid-bootstrap settings.
 */
final class TestingNetwork implements AutoCloseable {
  static final int AUTHORITIES = 3;
  static final int MIDDLES = 2;
  /** ORPort and DirPort per authority, ORPort per middle relay and for the exit. */
  static final int PORTS = 2 * AUTHORITIES + MIDDLES + 1;
  private static final Duration KEYGEN_TIMEOUT = Duration.ofSeconds(30);
  private static final String ANY_RELAY = "x 127.0.0.1:1 ffffffffffffffffffffffffffffffffffffffff";

  private final List<TorOption> clientOptions;
  private final List<TorProcess> relays = new ArrayList<>();
  private TorProcess exit;

  private TestingNetwork(List<TorOption> clientOptions) {
    this.clientOptions = clientOptions;
  }

  /** Generates the network under dir (authority keys included) without starting it. */
  static TestingNetwork create(Path dir, String tor, String gencert, List<Integer> ports) throws Exception {
    Iterator<Integer> port = ports.iterator();
    List<TorOption> authorities = new ArrayList<>();
    List<Integer> orPorts = new ArrayList<>();
    List<Integer> dirPorts = new ArrayList<>();
    for (int i = 0; i < AUTHORITIES; i++) {
      orPorts.add(port.next());
      dirPorts.add(port.next());
      authorities.add(authority("auth" + i, orPorts.get(i), dirPorts.get(i), privateDir(dir.resolve("auth" + i)),
          tor, gencert));
    }
    List<TorOption> client = new ArrayList<>(List.of(TorOption.of("TestingTorNetwork", 1),
        TorOption.of("PathsNeededToBuildCircuits", "0.67")));
    client.addAll(authorities);
    TestingNetwork network = new TestingNetwork(List.copyOf(client));
    for (int i = 0; i < AUTHORITIES; i++) {
      List<TorOption> role = new ArrayList<>(authorityRole());
      role.add(TorOption.of("DirPort", "127.0.0.1:" + dirPorts.get(i)));
      network.relays.add(network.relay("auth" + i, dir, tor, orPorts.get(i), role));
    }
    for (int i = 0; i < MIDDLES; i++) {
      network.relays.add(network.relay("middle" + i, dir, tor, port.next(),
          List.of(TorOption.of("ExitRelay", 0), TorOption.of("ExitPolicy", "reject *:*"))));
    }
    network.exit = network.relay("exit", dir, tor, port.next(), List.of(TorOption.of("ExitRelay", 1),
        TorOption.of("ExitPolicyRejectPrivate", 0), TorOption.of("ExitPolicy", "accept 127.0.0.0/8:*"),
        TorOption.of("ExitPolicy", "reject *:*")));
    network.relays.add(network.exit);
    return network;
  }

  /** What any tor needs to join this network: testing mode and the three authorities. */
  List<TorOption> clientOptions() {
    return clientOptions;
  }

  List<TorProcess> relays() {
    return relays;
  }

  /** The only relay that lets streams leave the network (to loopback addresses only). */
  TorProcess exit() {
    return exit;
  }

  void start() throws IOException {
    for (TorProcess relay : relays) {
      relay.start();
    }
  }

  static Path privateDir(Path dir) throws IOException {
    return Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
  }

  /** Makes an authority's v3 keys and relay identity; returns its DirAuthority line. */
  private static TorOption authority(String nick, int orPort, int dirPort, Path dir, String tor, String gencert)
      throws Exception {
    Path keys = privateDir(dir.resolve("keys"));
    // the passphrase is read from stdin, which is /dev/null: an unencrypted identity key, as chutney makes it
    check(ExternalTool.run(KEYGEN_TIMEOUT, List.of(gencert, "--create-identity-key", "--passphrase-fd", "0",
        "-m", "12", "-a", "127.0.0.1:" + dirPort, "-i", keys.resolve("authority_identity_key").toString(),
        "-s", keys.resolve("authority_signing_key").toString(),
        "-c", keys.resolve("authority_certificate").toString())));
    Path empty = Files.writeString(dir.resolve("torrc-empty"), "");
    check(ExternalTool.run(KEYGEN_TIMEOUT, List.of(tor, "--defaults-torrc", empty.toString(), "-f", empty.toString(),
        "--list-fingerprint", "--orport", "1", "--dirserver", ANY_RELAY, "--datadirectory", dir.toString(),
        "--Log", "err stderr")));
    String v3ident = field(Files.readString(keys.resolve("authority_certificate")), "fingerprint");
    String fingerprint = Files.readString(dir.resolve("fingerprint")).strip().split("\\s+")[1];
    return TorOption.of("DirAuthority", nick + " orport=" + orPort + " no-v2 v3ident=" + v3ident + " 127.0.0.1:"
        + dirPort + " " + fingerprint);
  }

  private static List<TorOption> authorityRole() {
    return List.of(TorOption.of("AuthoritativeDirectory", 1), TorOption.of("V3AuthoritativeDirectory", 1),
        TorOption.of("ExitRelay", 0), TorOption.of("ExitPolicy", "reject *:*"),
        // votes every 10 s (5 s at first), so a consensus exists within seconds
        TorOption.of("TestingV3AuthInitialVotingInterval", 5), TorOption.of("V3AuthVotingInterval", 10),
        TorOption.of("TestingV3AuthInitialVoteDelay", 2), TorOption.of("V3AuthVoteDelay", 2),
        TorOption.of("TestingV3AuthInitialDistDelay", 2), TorOption.of("V3AuthDistDelay", 2),
        TorOption.of("V3AuthNIntervalsValid", 2),
        // flags a young network would not earn for hours: every relay is an exit candidate, HSDir and guard
        TorOption.of("TestingDirAuthVoteExit", "*"), TorOption.of("TestingDirAuthVoteHSDir", "*"),
        TorOption.of("TestingDirAuthVoteGuard", "*"), TorOption.of("TestingMinExitFlagThreshold", 0));
  }

  private TorProcess relay(String nick, Path root, String tor, int orPort, List<TorOption> role) throws IOException {
    Path dir = privateDir(root.resolve(nick));
    List<TorOption> options = new ArrayList<>(clientOptions);
    options.addAll(List.of(TorOption.of("Nickname", nick), TorOption.of("DataDirectory", dir),
        TorOption.of("ContactInfo", nick + "@test.invalid"), TorOption.of("Address", "127.0.0.1"),
        TorOption.of("ORPort", "127.0.0.1:" + orPort), TorOption.of("SocksPort", 0),
        TorOption.of("AssumeReachable", 1), TorOption.of("ShutdownWaitLength", 0)));
    options.addAll(TorProcess.logTo(dir));
    options.addAll(role);
    Path torrc = Files.writeString(dir.resolve("torrc"),
        String.join("\n", options.stream().map(TorOption::line).toList()) + "\n");
    return new TorProcess(nick, tor, dir, List.of("-f", torrc.toString()));
  }

  private static String field(String document, String keyword) {
    return document.lines().filter(line -> line.startsWith(keyword + " ")).findFirst()
        .map(line -> line.substring(keyword.length() + 1).strip())
        .orElseThrow(() -> new AssertionError("no " + keyword + " line in an authority certificate"));
  }

  private static void check(ExternalTool.Run run) {
    if (run.exitCode() != 0) {
      throw new AssertionError("generating a test authority failed: " + run.describe());
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (TorProcess relay : relays) {
      relay.close();
    }
  }
}
