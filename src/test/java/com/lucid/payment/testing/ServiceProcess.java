package com.lucid.payment.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service (or any main class of the project) as a separate JVM, with its output captured line by line. */
public final class ServiceProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("ready: gateway http://[^:]+:(\\d+) management http://[^:]+:(\\d+)");

  private final Process process;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile int gatewayPort;
  private volatile int managementPort;
  private final Thread reader;

  private ServiceProcess(Process process) {
    this.process = process;
    reader = new Thread(this::pump, "service-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** After the exit, waits until every line the process wrote has been read. */
  private void drainOutput() throws InterruptedException {
    reader.join(TimeUnit.SECONDS.toMillis(10));
  }

  /** Starts {@code mainClass args} on the test class path with the given environment (added to a clean one). */
  public static ServiceProcess start(Path workDir, Map<String, String> env, String mainClass, String... args)
      throws IOException {
    return start(List.of(), workDir, env, mainClass, args);
  }

  /** Starts the service under the given umask (e.g. "000": every file it creates without a mode of its own is 0666). */
  public static ServiceProcess serviceWithUmask(Path workDir, Map<String, String> env, String umask)
      throws IOException {
    return start(List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\""), workDir, env,
        "com.lucid.payment.app.Main");
  }

  private static ServiceProcess start(List<String> prefix, Path workDir, Map<String, String> env, String mainClass,
      String... args) throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(javaBinary(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-Dvertx.disableFileCPResolving=true", "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME") && !k.equals("LANG"));
    builder.environment().putAll(env);
    return new ServiceProcess(builder.start());
  }

  /** Starts the service itself. */
  public static ServiceProcess service(Path workDir, Map<String, String> env) throws IOException {
    return start(workDir, env, "com.lucid.payment.app.Main");
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void pump() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
        Matcher m = READY.matcher(line);
        if (m.find()) {
          gatewayPort = Integer.parseInt(m.group(1));
          managementPort = Integer.parseInt(m.group(2));
          ready.countDown();
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** Waits for the "ready:" line; fails with the captured output if the process dies or the time runs out. */
  public ServiceProcess awaitReady(long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!ready.await(100, TimeUnit.MILLISECONDS)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("service did not become ready; output:\n" + output());
      }
    }
    return this;
  }

  public int gatewayPort() {
    return gatewayPort;
  }

  public int managementPort() {
    return managementPort;
  }

  public String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  public long pid() {
    return process.pid();
  }

  /** SIGTERM, then waits for the exit; returns the exit code. */
  public int terminate(long seconds) throws InterruptedException {
    process.toHandle().destroy(); // Process.destroy() would also close the pipe and lose the last lines
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("no exit within " + seconds + " s of SIGTERM; output:\n" + output());
    }
    drainOutput();
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook runs. */
  public void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    process.waitFor();
    drainOutput();
  }

  public int waitForExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("still running after " + seconds + " s; output:\n" + output());
    }
    drainOutput();
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
