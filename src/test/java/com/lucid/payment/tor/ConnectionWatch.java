package com.lucid.payment.tor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which process opened each TCP connection to a server port on this machine, sampled from /proc/net/tcp{,6} and the
 * processes' file descriptors. On loopback every peer address is 127.0.0.1 (tor never binds an outgoing address for
 * loopback destinations), so the socket's owner is what tells an exit's connection from a direct one.
 */
final class ConnectionWatch implements AutoCloseable {
  static final String UNATTRIBUTED = "no known process";
  private static final long SAMPLE_MS = 50;
  private static final String ESTABLISHED = "01";

  private final int serverPort;
  private final Supplier<Map<Long, String>> processes;
  private final Map<Integer, String> ownerByLocalPort = new ConcurrentHashMap<>();
  private final Thread sampler;
  private volatile boolean running = true;

  /** Starts sampling connections to serverPort; {@code processes} names the pids worth telling apart. */
  ConnectionWatch(int serverPort, Supplier<Map<Long, String>> processes) {
    this.serverPort = serverPort;
    this.processes = processes;
    sampler = new Thread(this::run, "connection-watch-" + serverPort);
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Each client-side port seen connected to the server port, with the name of the process that held it. */
  Map<Integer, String> owners() {
    sample();
    return Map.copyOf(ownerByLocalPort);
  }

  private void run() {
    while (running) {
      sample();
      try {
        Thread.sleep(SAMPLE_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void sample() {
    Map<Long, Integer> newSockets = new HashMap<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      for (String row : lines(Path.of(table))) {
        String[] f = row.strip().split("\\s+");
        // sl local_address rem_address st ... inode: the client's end has the server's port as its remote port
        if (f.length > 9 && f[3].equals(ESTABLISHED) && port(f[2]) == serverPort) {
          int localPort = port(f[1]);
          if (ownerByLocalPort.getOrDefault(localPort, UNATTRIBUTED).equals(UNATTRIBUTED)) {
            newSockets.put(Long.parseLong(f[9]), localPort);
          }
        }
      }
    }
    if (newSockets.isEmpty()) {
      return;
    }
    Map<Long, String> owners = processes.get();
    newSockets.forEach((inode, localPort) -> ownerByLocalPort.put(localPort, UNATTRIBUTED));
    for (Map.Entry<Long, String> process : owners.entrySet()) {
      for (long inode : socketsOf(process.getKey())) {
        Integer localPort = newSockets.get(inode);
        if (localPort != null) {
          ownerByLocalPort.put(localPort, process.getValue());
        }
      }
    }
  }

  private static int port(String hexAddress) {
    return Integer.parseInt(hexAddress.substring(hexAddress.indexOf(':') + 1), 16);
  }

  private static List<Long> socketsOf(long pid) {
    List<Long> inodes = new ArrayList<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "fd"))) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
          }
        } catch (IOException closedMeanwhile) {
          // the descriptor went away between listing and reading
        }
      }
    } catch (IOException gone) {
      // the process exited or cannot be read: it owns nothing we can see
    }
    return inodes;
  }

  private static List<String> lines(Path table) {
    try {
      List<String> rows = Files.exists(table) ? Files.readAllLines(table) : List.of();
      return rows.isEmpty() ? rows : rows.subList(1, rows.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.interrupt();
    sampler.join(1_000);
  }
}
