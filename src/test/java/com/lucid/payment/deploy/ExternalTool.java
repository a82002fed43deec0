package com.lucid.payment.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real command-line tools the deployment checks run (tor, docker-compose, dockerfilelint, ...).
 * A missing tool fails the test with the way to install it: these checks never skip.
 */
public final class ExternalTool {
  public static final Path PROJECT = Path.of("").toAbsolutePath();
  /** UID/GID of `nobody`: tor refuses to run as root without a warning, so it runs as this. */
  static final int UNPRIVILEGED_ID = 65534;
  private static final List<String> EXTRA_DIRS = List.of("/usr/sbin", "/sbin", "/usr/local/bin");

  private ExternalTool() {}

  /** What a finished command left behind. */
  public record Run(List<String> command, int exitCode, String stdout, String stderr) {
    public String output() {
      return stdout + stderr;
    }

    public String describe() {
      return String.join(" ", command) + " exited " + exitCode + "\n--- stdout\n" + stdout
          + "--- stderr\n" + stderr;
    }
  }

  /** The absolute path of command, or a failed test naming scripts/install-test-tools. */
  public static String require(String command) {
    return find(command).orElseGet(() -> fail(command + " is not installed: run `sudo scripts/install-test-tools`"
            + " (installs tor, docker-compose, microsocks, dante-server, wrk, dockerfilelint)"));
  }

  /** The absolute path of command on PATH or in the sbin folders, if it is installed. */
  public static Optional<String> find(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    Stream<String> dirs = Stream.concat(Stream.of(path.split(File.pathSeparator)), EXTRA_DIRS.stream());
    return dirs.filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, command))
        .filter(Files::isExecutable)
        .findFirst()
        .map(Path::toString);
  }

  public static Path projectFile(String relative) {
    Path file = PROJECT.resolve(relative);
    if (!Files.exists(file)) {
      fail(relative + " not found under " + PROJECT + " (tests must run from the project root)");
    }
    return file;
  }

  public static boolean runningAsRoot() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** command, run as `nobody` when the tests run as root (setpriv drops to it and execs). */
  public static List<String> unprivileged(List<String> command) {
    if (!runningAsRoot()) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of(require("setpriv"),
        "--reuid", String.valueOf(UNPRIVILEGED_ID), "--regid", String.valueOf(UNPRIVILEGED_ID),
        "--clear-groups"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** Gives a whole tree to `nobody` when running as root, for commands run through unprivileged(). */
  public static void handOver(Path tree) throws IOException {
    if (!runningAsRoot()) {
      return;
    }
    try (Stream<Path> paths = Files.walk(tree)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Files.setAttribute(path, "unix:uid", UNPRIVILEGED_ID);
        Files.setAttribute(path, "unix:gid", UNPRIVILEGED_ID);
      }
    }
  }

  public static Run run(Duration timeout, List<String> command) throws IOException, InterruptedException {
    return run(timeout, Map.of(), command);
  }

  /** Runs command from the project root with env added to (or, for null values, removed from) ours. */
  public static Run run(Duration timeout, Map<String, String> env, List<String> command)
      throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("tool-out", ".txt");
    Path stderr = Files.createTempFile("tool-err", ".txt");
    try {
      Process process = start(env, command, stdout, stderr);
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        fail(String.join(" ", command) + " did not finish within " + timeout);
      }
      return new Run(command, process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  /** Starts command in the background, both streams into files the caller reads. */
  public static Process start(Map<String, String> env, List<String> command, Path stdout, Path stderr)
      throws IOException {
    return builder(PROJECT, command, stdout, stderr, env).start();
  }

  /** Like start, but in workDir with only env (plus PATH) as the environment: nothing leaks in. */
  static Process startIsolated(Path workDir, Map<String, String> env, List<String> command,
      Path stdout, Path stderr) throws IOException {
    ProcessBuilder builder = builder(workDir, command, stdout, stderr, Map.of());
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
    builder.environment().putAll(env);
    return builder.start();
  }

  private static ProcessBuilder builder(Path workDir, List<String> command, Path stdout, Path stderr,
      Map<String, String> env) {
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile());
    env.forEach((name, value) -> {
      if (value == null) {
        builder.environment().remove(name);
      } else {
        builder.environment().put(name, value);
      }
    });
    return builder;
  }
}
