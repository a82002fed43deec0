package com.lucid.payment.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The service jar running as its own JVM on the embedded devnet and store, in a fresh temporary DATA_DIR, with the
 * limits raised so that only the machine limits the load; its output goes to {@code log}.
 */
final class ServiceRun implements AutoCloseable {
  private static final Pattern READY =
      Pattern.compile("ready: gateway http://[^:]+:(\\d+) management http://[^:]+:(\\d+)");

  /** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private final Process process;
  private final Path dataDir;
  private final Path jar;
  private final CompletableFuture<int[]> ports = new CompletableFuture<>();

  private ServiceRun(Process process, Path dataDir, Path jar, Path log) {
    this.process = process;
    this.dataDir = dataDir;
    this.jar = jar;
    Thread pump = new Thread(() -> pump(log), "service-output");
    pump.setDaemon(true);
    pump.start();
    // a bench stopped by a signal takes its service along (left running, it would skew every later run)
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "service-stop"));
  }

  /**
   * The environment of every bench run: fast blocks, limits and funds far above what a run uses, and the worker's
   * timing scaled down with the blocks (poll 100 ms, recheck 500 ms; the defaults, 1 s and 3 s, suit TRON's 3 s).
   */
  static Map<String, String> environment(Path dataDir) {
    return Map.ofEntries(
        Map.entry("DATA_DIR", dataDir.toString()),
        Map.entry("PORT", "0"),
        Map.entry("METRICS_PORT", "0"),
        Map.entry("DEVNET_BLOCK_MS", "100"),
        Map.entry("DEVNET_FUND_TRX", "1000000000"),
        Map.entry("DEVNET_FUND_USDT", "1000000000"),
        Map.entry("RATE_LIMIT_MULTIPLIER", "1000000"),
        Map.entry("PAYOUT_MAX_IN_FLIGHT", "10000"),
        Map.entry("WORKER_POLL_MS", "100"),
        Map.entry("WORKER_CHAIN_RECHECK_MS", "500"),
        Map.entry("MAX_PAYOUT_AMOUNT", "1000"),
        Map.entry("DAILY_PAYOUT_LIMIT", "1000000000"),
        Map.entry("PAYOUT_DAILY_LIMIT", "1000000000"),
        Map.entry("PAYOUT_HOURLY_LIMIT", "100000000"));
  }

  static ServiceRun start(Path jar, List<String> jvmFlags, Path log) throws IOException {
    Path dataDir = Files.createTempDirectory("tron-bench-");
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    command.addAll(jvmFlags);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME") && !k.equals("LANG"));
    builder.environment().putAll(environment(dataDir));
    return new ServiceRun(builder.start(), dataDir, jar, log);
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void pump(Path log) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
      String line;
      while ((line = in.readLine()) != null) {
        out.println(line);
        Matcher m = READY.matcher(line);
        if (!ports.isDone() && m.find()) {
          ports.complete(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
        }
      }
    } catch (IOException e) {
      // the process ended
    } finally {
      ports.completeExceptionally(new IllegalStateException("the service exited before it was ready"));
    }
  }

  ServiceRun awaitReady() throws Exception {
    ports.get(120, TimeUnit.SECONDS);
    return this;
  }

  String gateway() {
    return "http://127.0.0.1:" + ports.join()[0];
  }

  String management() {
    return "http://127.0.0.1:" + ports.join()[1];
  }

  /** The run's temporary DATA_DIR, deleted on close: tokens for this service's key go there too. */
  Path dataDir() {
    return dataDir;
  }

  long pid() {
    return process.pid();
  }

  /** Mints a token with the jar's own `token` command, for this service's key. */
  String token(String subject, String role) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", jar.toString(), "token", "--sub", subject,
        "--role", role, "--ttl", "12h").redirectErrorStream(true);
    builder.environment().putAll(environment(dataDir));
    Process token = builder.start();
    String out = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (token.waitFor() != 0) {
      throw new IllegalStateException("token command failed: " + out);
    }
    return out;
  }

  /** Resident memory of the service process, from /proc. */
  long rssBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException("no VmRSS for process " + pid());
  }

  /** CPU time (user + system, all threads) the service process has used so far: comparable across noisy runs. */
  long cpuMillis() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
    return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
  }

  /** SIGTERM (a graceful stop, which also ends a flight recording), then the data folder goes. */
  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
