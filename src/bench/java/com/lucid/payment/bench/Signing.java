package com.lucid.payment.bench;

import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Phase 3: {@link SigningBench} under JMH, one thread (per core), in a forked JVM with the service's heap cap. */
final class Signing {
  /** Operations per second of each benchmark method, with JMH's 99.9% error. */
  record Result(Map<String, double[]> scores) {
    double transferPerSecond() {
      return scores.getOrDefault("transfer", new double[] {0, 0})[0];
    }

    JsonObject toJson() {
      JsonObject out = new JsonObject().put("threads", 1).put("unit", "ops/s");
      scores.forEach((name, s) -> out.put(name, new JsonObject().put("ops_per_second", Math.round(s[0]))
          .put("error", Math.round(s[1]))));
      return out;
    }
  }

  static Result run(BenchOptions options) throws Exception {
    Bench.say("signing: JMH " + SigningBench.class.getSimpleName() + " (transfer, sign, recover), 1 thread");
    Options jmh = new OptionsBuilder()
        .include(SigningBench.class.getName() + "\\.")
        .forks(1)
        .threads(1)
        .warmupIterations(5).warmupTime(TimeValue.seconds(2))
        .measurementIterations(5).measurementTime(TimeValue.seconds(2))
        .jvmArgs("-Xmx256m")
        .resultFormat(ResultFormatType.JSON)
        .result(options.runDir().resolve("jmh.json").toString())
        .build();
    Collection<RunResult> results = new Runner(jmh).run();
    Map<String, double[]> scores = new LinkedHashMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      scores.put(name.substring(name.lastIndexOf('.') + 1), new double[] {r.getPrimaryResult().getScore(),
          r.getPrimaryResult().getScoreError()});
    }
    return new Result(scores);
  }
}
