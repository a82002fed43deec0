package com.lucid.payment.tor;

import com.lucid.payment.deploy.TorrcFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's own torrc as the service's tor in the test network runs it. The file is copied as shipped except
 * for where it lives on this machine: its state folder moves under the test's folder (TorrcFile) and the local ports
 * of SocksPort and of the HiddenServicePort target move to free ones. Everything the test network needs is added
 * as command-line overrides, listed in {@link #overrides()}.
 */
final class ShippedTorrc {
  static final String FILE = "torrc";
  /**
   * The service's switch for the PROXY protocol on the gateway, set when the torrc exports circuit ids
   * ({@code HiddenServiceExportCircuitID haproxy}): without it the gateway would read tor's PROXY header as HTTP.
   */
  static final String PROXY_PROTOCOL_VARIABLE = "GATEWAY_PROXY_PROTOCOL";
  /** Options the overrides may replace although the file sets them: its Log lines (syslog) become log files. */
  static final List<String> REPLACED_BY_DESIGN = List.of("Log");
  private static final Pattern LOCAL_PORT = Pattern.compile("^((?:\\d{1,3}\\.){3}\\d{1,3}):(\\d+)$");

  private final TorrcFile original;
  private final TorrcFile moved;
  private final Path torrc;
  private final Path scratch;
  private final List<TorOption> overrides;

  private ShippedTorrc(TorrcFile original, TorrcFile moved, Path torrc, Path scratch, List<TorOption> overrides) {
    this.original = original;
    this.moved = moved;
    this.torrc = torrc;
    this.scratch = scratch;
    this.overrides = overrides;
  }

  /** Copies the project's torrc into scratch with its SOCKS port and gateway target moved to the given ports. */
  static ShippedTorrc prepare(Path scratch, int socksPort, int gatewayPort, List<TorOption> network)
      throws IOException {
    TorrcFile original = TorrcFile.load(FILE);
    List<String> lines = new ArrayList<>();
    for (String line : original.text().split("\n", -1)) {
      lines.add(moveLocalPort(line, socksPort, gatewayPort));
    }
    TorrcFile moved = new TorrcFile(FILE, String.join("\n", lines));
    Path torrc = moved.copyInto(Files.createDirectories(scratch));
    List<TorOption> overrides = new ArrayList<>(network);
    // the loopback exit's policy is invisible in microdescriptors (tor bug 11264), so this client reads full ones
    overrides.add(TorOption.of("UseMicrodescriptors", 0));
    overrides.addAll(TorProcess.logTo(TorrcFile.stateDir(scratch)));
    // the onion service's own events (client keys loaded, descriptors uploaded), for the tests to wait on
    overrides.add(TorOption.of("Log", "[rend]info file " + TorrcFile.stateDir(scratch).resolve("rend.log")));
    return new ShippedTorrc(original, moved, torrc, scratch, List.copyOf(overrides));
  }

  /** SocksPort ADDRESS:PORT flags… and HiddenServicePort VIRTPORT ADDRESS:PORT keep their addresses, not ports. */
  static String moveLocalPort(String line, int socksPort, int gatewayPort) {
    String[] words = line.strip().split("\\s+");
    String option = words[0].toLowerCase(Locale.ROOT);
    int index = option.equals("socksport") ? 1 : option.equals("hiddenserviceport") ? 2 : -1;
    if (index < 0 || words.length <= index) {
      return line;
    }
    Matcher address = LOCAL_PORT.matcher(words[index]);
    if (!address.matches()) {
      throw new AssertionError(FILE + ": the Tor tests expect `" + words[0] + "` with an IPv4 ADDRESS:PORT, got: "
          + line);
    }
    words[index] = address.group(1) + ":" + (index == 1 ? socksPort : gatewayPort);
    return String.join(" ", words);
  }

  /** The shipped file, as read from the project. */
  TorrcFile original() {
    return original;
  }

  /** The copy tor reads (state folder not yet substituted: see TorrcFile.copyInto). */
  TorrcFile moved() {
    return moved;
  }

  List<TorOption> overrides() {
    return overrides;
  }

  /** tor's arguments: the copied file, then the overrides. */
  List<String> arguments() {
    List<String> arguments = new ArrayList<>(List.of("-f", torrc.toString()));
    overrides.forEach(option -> arguments.addAll(option.arguments()));
    return arguments;
  }

  Path dataDir() {
    return TorrcFile.stateDir(scratch);
  }

  Path serviceDir() {
    return TorrcFile.serviceDir(scratch);
  }

  Path rendLog() {
    return dataDir().resolve("rend.log");
  }

  /** Whether tor puts a PROXY protocol header before every onion connection it hands the gateway. */
  boolean exportsCircuitIds() {
    return exportsCircuitIds(original);
  }

  static boolean exportsCircuitIds(TorrcFile torrc) {
    return torrc.values("HiddenServiceExportCircuitID").stream().anyMatch(v -> v.equalsIgnoreCase("haproxy"));
  }

  /** What the service's configuration must add to match this torrc. */
  static Map<String, String> serviceEnv(TorrcFile torrc) {
    return exportsCircuitIds(torrc) ? Map.of(PROXY_PROTOCOL_VARIABLE, "true") : Map.of();
  }

  /** The onion service's virtual port: the first word of the file's one HiddenServicePort. */
  int onionPort() {
    return Integer.parseInt(original.values("HiddenServicePort").get(0).split("\\s+")[0]);
  }
}
