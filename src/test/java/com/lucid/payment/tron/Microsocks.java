package com.lucid.payment.tron;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/** A real SOCKS5 server on loopback: Debian's microsocks, run as a child process of the test. */
final class Microsocks implements AutoCloseable {
  static final String PACKAGE_HINT = "the SOCKS5 test needs Debian's microsocks: apt-get install -y microsocks";

  private final Process process;
  private final int port;

  private Microsocks(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Listens on 127.0.0.1; its outgoing connections come from {@code bindAddress}, so targets can tell. */
  static Microsocks start(String bindAddress) throws IOException, InterruptedException {
    String binary = findBinary();
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Process process = new ProcessBuilder(binary, "-i", "127.0.0.1", "-p", String.valueOf(port), "-b", bindAddress)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Microsocks proxy = new Microsocks(process, port);
    while (!proxy.accepting()) {
      if (!process.isAlive()) {
        fail("microsocks exited at start with code " + process.exitValue());
      }
      Thread.sleep(20);
    }
    return proxy;
  }

  private static String findBinary() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      File candidate = new File(dir, "microsocks");
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    for (String path : new String[] {"/usr/bin/microsocks", "/usr/local/bin/microsocks"}) {
      if (new File(path).canExecute()) {
        return path;
      }
    }
    return fail(PACKAGE_HINT);
  }

  private boolean accepting() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
