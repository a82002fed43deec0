package com.lucid.payment.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a bench run does, from its arguments: {@code --jar --out --scripts --seconds --settle --soak --soak-rate
 * --users --phases ingest,settlement,signing --jfr}; extra service JVM flags come from BENCH_JVM_OPTS.
 */
record BenchOptions(Path jar, Path scripts, Path runDir, String stamp, int seconds, int settle, int soak,
    int soakRate, int users, Set<String> phases, boolean jfr, List<String> extraJvmFlags) {
  /** The JVM of the image (docker/Dockerfile) under the compose file's limits: 1 GiB (heap 25% of it), half a CPU. */
  static final List<String> SERVICE_JVM = List.of("-XX:MaxRAM=1g", "-XX:MaxRAMPercentage=25", "-XX:+UseG1GC",
      "-XX:MaxGCPauseMillis=20", "-XX:MaxNewSize=64m", "-XX:TrimNativeHeapInterval=5000",
      "-Dio.netty.allocator.numDirectArenas=1", "-Dio.netty.allocator.numHeapArenas=1",
      "-XX:+ExitOnOutOfMemoryError", "-Dvertx.disableFileCPResolving=true");

  static BenchOptions parse(String[] args, String stamp) {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--jfr")) {
        a.put("--jfr", "true");
      } else if (i + 1 < args.length && args[i].startsWith("--")) {
        a.put(args[i], args[++i]);
      } else {
        throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path out = Path.of(a.getOrDefault("--out", "target/bench"));
    String extra = System.getenv().getOrDefault("BENCH_JVM_OPTS", "").trim();
    return new BenchOptions(Path.of(a.getOrDefault("--jar", "target/tron-payment-service.jar")).toAbsolutePath(),
        Path.of(a.getOrDefault("--scripts", "bench/wrk")), out.resolve(stamp), stamp,
        Integer.parseInt(a.getOrDefault("--seconds", "10")), Integer.parseInt(a.getOrDefault("--settle", "5000")),
        Integer.parseInt(a.getOrDefault("--soak", "0")), Integer.parseInt(a.getOrDefault("--soak-rate", "20")),
        Integer.parseInt(a.getOrDefault("--users", "8")),
        Set.of(a.getOrDefault("--phases", "ingest,settlement,signing").split(",")),
        a.containsKey("--jfr"), extra.isEmpty() ? List.of() : Arrays.asList(extra.split("\\s+")));
  }

  /** The service's JVM flags for a phase: the production ones, the extra ones, and a flight recording if asked. */
  List<String> serviceJvmFlags(String phase) {
    List<String> flags = new ArrayList<>(SERVICE_JVM);
    if (extraJvmFlags.stream().anyMatch(f -> f.matches("-XX:\\+Use\\w+GC"))) {
      flags.remove("-XX:+UseG1GC"); // BENCH_JVM_OPTS picks another collector
      flags.remove("-XX:MaxGCPauseMillis=20");
    }
    flags.addAll(extraJvmFlags);
    if (jfr) {
      flags.add("-XX:StartFlightRecording=filename=" + runDir.resolve(phase + ".jfr").toAbsolutePath()
          + ",settings=profile,dumponexit=true");
    }
    return flags;
  }

  boolean runs(String phase) {
    return phases.contains(phase);
  }
}
