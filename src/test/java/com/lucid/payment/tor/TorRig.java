package com.lucid.payment.tor;

import com.lucid.payment.testing.Await;

import com.lucid.payment.deploy.ExternalTool;
import com.lucid.payment.deploy.TorrcFile;
import com.lucid.payment.devnet.Devnet;
import com.lucid.payment.devnet.DevnetHandle;
import com.lucid.payment.devnet.DevnetOptions;
import com.lucid.payment.testing.TestService;
import com.lucid.payment.tron.HotWalletKeyFile;
import com.lucid.payment.tron.chain.HotWallet;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Everything the Tor tests share, started once: a devnet, the service on it with TOR_ONLY, the private network, the
 * service's tor running the project's torrc (onion service to the gateway, SOCKS port for TRON), and four operators'
 * tors: alice, bob and carol authorized with scripts/onion-client, stranger not.
 */
final class TorRig implements AutoCloseable {
  static final String SKIP = "tor and tor-gencert are not installed (Debian: apt-get install tor, or"
      + " sudo scripts/install-test-tools): the private-network Tor tests are skipped";
  static final Duration START_LIMIT = Duration.ofSeconds(120);
  static final Duration ONION_TIMEOUT = Duration.ofSeconds(30);
  /** Operators whose keys onion-client adds before the onion service first starts; stranger never gets one. */
  static final List<String> AUTHORIZED = List.of("alice", "bob", "carol");
  static final List<String> OPERATORS = List.of("alice", "bob", "carol", "stranger");
  static final long TRX = 1_000_000L;
  static final long USDT = 1_000_000L;
  private static final long BLOCK_MS = 100;

  private final Path dir;
  private final String tor = ExternalTool.find("tor").orElseThrow();
  private final String gencert = ExternalTool.find("tor-gencert").orElseThrow();
  private final Map<String, OperatorTor> operators = new HashMap<>();
  private Vertx vertx;
  private DevnetHandle devnet;
  private TestService service;
  private TestingNetwork network;
  private ShippedTorrc shipped;
  private TorProcess serviceTor;
  private ConnectionWatch watch;
  private String onion;
  private int socksPort;
  private final Set<Integer> baselinePorts = ConcurrentHashMap.newKeySet();
  private Duration bootstrap;
  private Duration firstOnionAnswer;

  private TorRig(Path dir) {
    this.dir = dir;
  }

  static boolean toolsPresent() {
    return ExternalTool.find("tor").isPresent() && ExternalTool.find("tor-gencert").isPresent();
  }

  /** Starts it all; on any failure whatever started is stopped again, tor processes included. */
  static TorRig start(Path dir) throws Exception {
    TorRig rig = new TorRig(dir);
    try {
      rig.launch();
      return rig;
    } catch (Throwable failure) {
      try {
        rig.close();
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
      throw failure;
    }
  }

  private void launch() throws Exception {
    List<Integer> ports = FreePorts.take(1 + TestingNetwork.PORTS + OPERATORS.size());
    socksPort = ports.get(0);
    startDevnetAndService();
    network = TestingNetwork.create(dir.resolve("network"), tor, gencert, ports.subList(1, 1 + TestingNetwork.PORTS));
    shipped = ShippedTorrc.prepare(dir.resolve("service-tor"), socksPort, service.app().gatewayPort(),
        network.clientOptions());
    TestingNetwork.privateDir(shipped.serviceDir());
    Map<String, String> handedOut = new HashMap<>();
    for (String name : AUTHORIZED) {
      handedOut.put(name, OnionClientScript.add(name, shipped.serviceDir()));
    }
    for (int i = 0; i < OPERATORS.size(); i++) {
      String name = OPERATORS.get(i);
      operators.put(name, OperatorTor.create(name, dir.resolve("operators").resolve(name),
          ports.get(1 + TestingNetwork.PORTS + i), tor, network.clientOptions()));
    }
    serviceTor = new TorProcess("service-tor", tor, shipped.dataDir(), shipped.arguments());
    for (String tree : List.of("network", "service-tor", "operators")) {
      ExternalTool.handOver(dir.resolve(tree));
    }
    // tor runs as nobody under root: it may pass through this folder, not list it (the service's data is here too)
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));

    long launched = System.nanoTime();
    network.start();
    serviceTor.start();
    Path hostname = shipped.serviceDir().resolve("hostname");
    onion = Await.value("the onion service's hostname", START_LIMIT, () -> {
      serviceTor.assertRunning();
      return Files.exists(hostname) ? Optional.of(Files.readString(hostname).strip()) : Optional.empty();
    });
    for (Map.Entry<String, String> line : handedOut.entrySet()) {
      operators.get(line.getKey()).authorize(onion, line.getValue());
    }
    handedOut.clear();
    for (OperatorTor operator : operators.values()) {
      operator.tor().start();
    }
    for (TorProcess process : tors().toList()) {
      process.awaitLog(TorProcess.BOOTSTRAPPED, START_LIMIT);
    }
    bootstrap = Duration.ofNanos(System.nanoTime() - launched);
    Await.value("a first answer through the onion service", START_LIMIT, () -> {
      try (Http1 http = onion(operator("alice"))) {
        return Optional.of(http.get("/api/payment/health", null));
      }
    });
    firstOnionAnswer = Duration.ofNanos(System.nanoTime() - launched);
  }

  /** The devnet, and the service paying on it through the (not yet started) tor's SOCKS port, never directly. */
  private void startDevnetAndService() throws Exception {
    Path data = Files.createDirectories(dir.resolve("service"));
    HotWallet wallet = HotWalletKeyFile.load(data.resolve("devnet-hot-wallet.key"), true);
    vertx = Vertx.vertx();
    devnet = Devnet.start(vertx, DevnetOptions.defaults().withHost("127.0.0.1").withPort(0).withBlockMs(BLOCK_MS)
        .withFunded(wallet.address().base58(), 100_000 * TRX, 1_000_000 * USDT)).await(30, TimeUnit.SECONDS);
    watch = new ConnectionWatch(devnetPort(), this::processNames);
    Map<String, String> env = TestService.fastEnv(data);
    env.remove("DEVNET_CONTROL");
    env.put("TRON_NODE_URL", devnet.baseUrl());
    env.put("TOR_PROXY", "socks5://127.0.0.1:" + socksPort);
    env.put("TOR_ONLY", "true");
    env.put("TRON_TX_EXPIRATION_SECONDS", "60");
    env.put("WORKER_CHAIN_RECHECK_MS", "300");
    // the node is out of reach until tor has bootstrapped: a breaker opened meanwhile retries soon
    env.put("TRON_BREAKER_RESET_MS", "2000");
    env.putAll(ShippedTorrc.serviceEnv(TorrcFile.load(ShippedTorrc.FILE)));
    service = TestService.start(env);
  }

  /** A kept-alive HTTP connection to the gateway through an operator's tor and the onion service. */
  Http1 onion(OperatorTor operator) throws IOException {
    return new Http1(Socks5.connect(operator.socksPort(), onion, shipped.onionPort(), ONION_TIMEOUT), onion, null);
  }

  /** A kept-alive HTTP connection to the gateway on loopback, as tor itself reaches it. */
  Http1 direct() throws IOException {
    int port = service.app().gatewayPort();
    Socket socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout((int) ONION_TIMEOUT.toMillis());
    String preface = shipped.exportsCircuitIds()
        ? "PROXY TCP4 127.0.0.1 127.0.0.1 " + socket.getLocalPort() + " " + port + "\r\n" : null;
    return new Http1(socket, "127.0.0.1:" + port, preface);
  }

  /** A kept-alive connection to the devnet through the service's tor and the exit, as the service reaches it. */
  Http1 devnetThroughTor() throws IOException {
    return new Http1(Socks5.connect(socksPort, "127.0.0.1", devnetPort(), ONION_TIMEOUT), "127.0.0.1", null);
  }

  /** A connection straight to the devnet, for a baseline: its port is noted as the test's, not the service's. */
  Http1 devnetDirect() throws IOException {
    Socket socket = new Socket("127.0.0.1", devnetPort());
    socket.setTcpNoDelay(true);
    socket.setSoTimeout((int) ONION_TIMEOUT.toMillis());
    baselinePorts.add(socket.getLocalPort());
    return new Http1(socket, "127.0.0.1", null);
  }

  /** Local ports of the connections the tests themselves opened straight to the devnet. */
  Set<Integer> baselinePorts() {
    return Set.copyOf(baselinePorts);
  }

  OperatorTor operator(String name) {
    return operators.get(name);
  }

  TestService service() {
    return service;
  }

  DevnetHandle devnet() {
    return devnet;
  }

  ShippedTorrc shipped() {
    return shipped;
  }

  TorProcess serviceTor() {
    return serviceTor;
  }

  TestingNetwork network() {
    return network;
  }

  ConnectionWatch watch() {
    return watch;
  }

  /** The SOCKS port the service's TRON client uses (TOR_PROXY). */
  int serviceSocksPort() {
    return socksPort;
  }

  int devnetPort() {
    return Integer.parseInt(devnet.baseUrl().replaceAll(".*:", ""));
  }

  Duration bootstrap() {
    return bootstrap;
  }

  Duration firstOnionAnswer() {
    return firstOnionAnswer;
  }

  /** Every tor of the rig: the network's relays, the service's, the operators'. */
  Stream<TorProcess> tors() {
    List<TorProcess> all = new ArrayList<>();
    if (network != null) {
      all.addAll(network.relays());
    }
    if (serviceTor != null) {
      all.add(serviceTor);
    }
    operators.values().forEach(operator -> all.add(operator.tor()));
    return all.stream();
  }

  /** The processes a connection to the devnet could come from, by pid: this JVM (the service) and every tor. */
  private Map<Long, String> processNames() {
    Map<Long, String> names = new HashMap<>();
    names.put(ProcessHandle.current().pid(), "this JVM (the service itself)");
    tors().forEach(process -> process.pidIfRunning().ifPresent(pid -> names.put(pid, "tor " + process.name())));
    return names;
  }

  /** Stops everything that started, in reverse order; every tor is stopped even when something else fails. */
  @Override
  public void close() throws Exception {
    List<AutoCloseable> parts = new ArrayList<>();
    parts.add(service);
    parts.add(devnet == null ? null : () -> devnet.close().await(30, TimeUnit.SECONDS));
    parts.add(vertx == null ? null : () -> vertx.close().await(30, TimeUnit.SECONDS));
    parts.add(watch);
    parts.addAll(operators.values());
    parts.add(serviceTor);
    parts.add(network);
    Exception first = null;
    for (AutoCloseable part : parts) {
      try {
        if (part != null) {
          part.close();
        }
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
