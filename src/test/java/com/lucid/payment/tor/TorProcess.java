package com.lucid.payment.tor;

import com.lucid.payment.testing.Await;

import com.lucid.payment.deploy.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One tor daemon of the test network: its own data folder and notice log, run as `nobody` when the tests run as root,
 * and bound to this JVM with __OwningControllerProcess, so that it exits by itself if the JVM dies before close().
 */
final class TorProcess implements AutoCloseable {
  static final String BOOTSTRAPPED = "Bootstrapped 100%";
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final String name;
  private final Path dir;
  private final List<String> command;
  private final LogFile log;
  private Process process;
  private int starts;

  /** tor with {@code arguments} (a -f torrc and overrides); its notice log goes to dir/notice.log. */
  TorProcess(String name, String tor, Path dir, List<String> arguments) throws IOException {
    this.name = name;
    this.dir = dir;
    this.log = new LogFile(dir.resolve("notice.log"));
    Path emptyDefaults = dir.resolve("torrc-defaults");
    Files.writeString(emptyDefaults, "");
    command = new ArrayList<>(List.of(tor, "--defaults-torrc", emptyDefaults.toString()));
    command.addAll(arguments);
    command.addAll(TorOption.of("__OwningControllerProcess", ProcessHandle.current().pid()).arguments());
  }

  /** The overrides that send tor's notice log to the file this class reads. */
  static List<TorOption> logTo(Path dir) {
    return List.of(TorOption.of("Log", "notice file " + dir.resolve("notice.log")));
  }

  String name() {
    return name;
  }

  Path dir() {
    return dir;
  }

  long pid() {
    return process.pid();
  }

  OptionalLong pidIfRunning() {
    Process current = process;
    return current != null && current.isAlive() ? OptionalLong.of(current.pid()) : OptionalLong.empty();
  }

  /** Starts tor; what awaitLog looks for from now on must be logged by this run. */
  void start() throws IOException {
    log.mark();
    starts++;
    process = ExternalTool.start(Map.of(), ExternalTool.unprivileged(command), dir.resolve("stdout-" + starts + ".txt"),
        dir.resolve("stderr-" + starts + ".txt"));
  }

  /** The notice log, read from this run's start or a later mark. */
  LogFile log() {
    return log;
  }

  /** Waits until a line logged since the mark contains {@code text}; fails early if tor exits. */
  void awaitLog(String text, Duration limit) throws Exception {
    Await.until(name + " to log \"" + text + "\"", limit, () -> {
      assertRunning();
      return log.sinceMark().contains(text);
    });
  }

  /** Fails with the end of tor's log (and its stderr) when it is no longer running. */
  void assertRunning() throws IOException {
    if (!process.isAlive()) {
      throw new AssertionError(name + " exited with " + process.exitValue() + "; log:\n" + log.tail()
          + "\noutput:\n" + Files.readString(dir.resolve("stdout-" + starts + ".txt"))
          + Files.readString(dir.resolve("stderr-" + starts + ".txt")));
    }
  }

  /** SIGHUP: tor reloads its torrc and, for an onion service, its authorized clients. */
  void reload() throws Exception {
    ExternalTool.Run run = ExternalTool.run(Duration.ofSeconds(5), List.of("kill", "-s", "HUP", String.valueOf(pid())));
    if (run.exitCode() != 0) {
      throw new AssertionError("could not send SIGHUP to " + name + ": " + run.describe());
    }
  }

  /** SIGTERM, then SIGKILL if tor is still there after a few seconds. Safe to call when it never started. */
  @Override
  public void close() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
