package com.lucid.payment.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs wrk (Debian's) with one of the Lua scripts of bench/wrk and reads the line its done() prints. */
final class Wrk {
  private final Path scripts;

  Wrk(Path scripts) {
    this.scripts = scripts;
  }

  /** One wrk run: what it measured, as throughput, latency percentiles (ms) and failures. */
  record Result(String label, int connections, double seconds, long requests, long ok, long non2xx,
      long socketErrors, long timeouts, double p50Ms, double p99Ms, double p999Ms, double maxMs, long cpuMs) {
    double perSecond() {
      return ok / seconds;
    }

    /** Service CPU per answered request: robust to other load on the machine, unlike requests/s. */
    double cpuMicrosPerRequest() {
      return requests == 0 ? 0 : cpuMs * 1000.0 / requests;
    }

    Result withCpu(long ms) {
      return new Result(label, connections, seconds, requests, ok, non2xx, socketErrors, timeouts, p50Ms, p99Ms,
          p999Ms, maxMs, ms);
    }

    JsonObject toJson() {
      return new JsonObject().put("label", label).put("connections", connections).put("seconds", seconds)
          .put("requests", requests).put("ok", ok).put("non_2xx", non2xx).put("socket_errors", socketErrors)
          .put("timeouts", timeouts).put("requests_per_second", Math.round(perSecond() * 10) / 10.0)
          .put("p50_ms", p50Ms).put("p99_ms", p99Ms).put("p99_9_ms", p999Ms).put("max_ms", maxMs)
          .put("service_cpu_us_per_request", Math.round(cpuMicrosPerRequest()));
    }
  }

  Result run(String label, String script, String url, int connections, int seconds, Map<String, String> env)
      throws IOException, InterruptedException {
    int threads = Math.min(2, connections);
    ProcessBuilder builder = new ProcessBuilder(List.of("wrk", "-t" + threads, "-c" + connections,
        "-d" + seconds + "s", "--timeout", "10s", "-s", scripts.resolve(script).toString(), url))
        .redirectErrorStream(true);
    builder.environment().putAll(env);
    Process wrk;
    try {
      wrk = builder.start();
    } catch (IOException e) {
      throw new IOException("wrk is not installed (Debian: apt-get install -y wrk)", e);
    }
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    wrk.waitFor();
    String line = out.lines().filter(l -> l.startsWith("BENCH_JSON ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("wrk printed no result:\n" + out));
    JsonObject j = new JsonObject(line.substring("BENCH_JSON ".length()));
    JsonObject lat = j.getJsonObject("latency_us");
    return new Result(label, connections, j.getLong("duration_us") / 1e6, j.getLong("requests"), j.getLong("ok"),
        j.getLong("non_2xx"), j.getLong("socket_errors"), j.getLong("timeouts"), ms(lat, "p50"), ms(lat, "p99"),
        ms(lat, "p99_9"), ms(lat, "max"), 0);
  }

  private static double ms(JsonObject latency, String key) {
    return latency.getLong(key) / 1000.0;
  }
}
