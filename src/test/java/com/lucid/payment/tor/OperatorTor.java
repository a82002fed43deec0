package com.lucid.payment.tor;

import com.lucid.payment.deploy.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** An operator's own tor: a SOCKS port with onion error codes, and a ClientOnionAuthDir for its key, if it has one. */
final class OperatorTor implements AutoCloseable {
  private final String name;
  private final int socksPort;
  private final Path authDir;
  private final TorProcess tor;

  private OperatorTor(String name, int socksPort, Path authDir, TorProcess tor) {
    this.name = name;
    this.socksPort = socksPort;
    this.authDir = authDir;
    this.tor = tor;
  }

  static OperatorTor create(String name, Path dir, int socksPort, String tor, List<TorOption> network)
      throws IOException {
    Path data = TestingNetwork.privateDir(dir);
    Path authDir = TestingNetwork.privateDir(data.resolve("onion-auth"));
    List<TorOption> options = new ArrayList<>(network);
    // ExtendedErrors: onion failures get their own SOCKS5 codes (0xF0-0xF7) instead of a general failure
    options.addAll(List.of(TorOption.of("DataDirectory", data),
        TorOption.of("SocksPort", "127.0.0.1:" + socksPort + " ExtendedErrors"),
        TorOption.of("ClientOnionAuthDir", authDir)));
    options.addAll(TorProcess.logTo(data));
    Path torrc = Files.writeString(data.resolve("torrc"),
        String.join("\n", options.stream().map(TorOption::line).toList()) + "\n");
    return new OperatorTor(name, socksPort, authDir, new TorProcess(name, tor, data, List.of("-f", torrc.toString())));
  }

  /**
   * Installs the line `onion-client add` printed for this operator (the onion address is filled in when the script
   * ran before tor had created it). The key only passes through memory and this file.
   */
  void authorize(String onionHost, String addedLine) throws IOException {
    String line = addedLine.strip().replace("ONION_ADDRESS", onionHost.replace(".onion", "")) + "\n";
    Path file = authDir.resolve(name + ".auth_private");
    Files.writeString(file, "", StandardOpenOption.CREATE_NEW);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(file, line);
    ExternalTool.handOver(file);
  }

  String name() {
    return name;
  }

  int socksPort() {
    return socksPort;
  }

  TorProcess tor() {
    return tor;
  }

  /** Stops and starts this tor again: it forgets every descriptor and circuit, but keeps its key and consensus. */
  void restart() throws Exception {
    tor.close();
    tor.start();
  }

  @Override
  public void close() throws InterruptedException {
    tor.close();
  }
}
