package com.lucid.payment.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase 1: POST /api/payment/payouts with wrk at each connection count, each beside GET /health/live on the
 * management port (the trivial route: the ceiling of this machine, this JVM and wrk). The payouts posted are DAILY
 * (released at the next UTC midnight), so the figures are those of the accept path itself: validation, the
 * Idempotency-Key claim, limits and the durable insert. A last run at 64 connections posts IMMEDIATE payouts, which
 * the engine signs and settles meanwhile, as under a real burst. Also the idle and under-load memory.
 */
final class Ingest {
  static final int[] CONNECTIONS = {1, 16, 64};
  /** Long enough for the JIT: with 5 s, compiler threads still took a third of a core in the first measured run. */
  private static final int WARMUP_SECONDS = 20;

  /** The figures of the phase. */
  record Result(List<Wrk.Result> payouts, List<Wrk.Result> live, Wrk.Result settling, MemoryWatch.Sample idle,
      long peakRss, long peakHeap) {
    Wrk.Result payoutsAt(int connections) {
      return payouts.stream().filter(r -> r.connections() == connections).findFirst().orElseThrow();
    }

    Wrk.Result liveAt(int connections) {
      return live.stream().filter(r -> r.connections() == connections).findFirst().orElseThrow();
    }

    JsonObject toJson() {
      JsonArray post = new JsonArray();
      payouts.forEach(r -> post.add(r.toJson()));
      JsonArray get = new JsonArray();
      live.forEach(r -> get.add(r.toJson()));
      return new JsonObject().put("post_payouts", post).put("get_health_live", get)
          .put("post_payouts_settling", settling.toJson())
          .put("idle_rss_mb", MemoryWatch.mb(idle.rssBytes())).put("idle_heap_mb", MemoryWatch.mb(idle.heapBytes()))
          .put("load_peak_rss_mb", MemoryWatch.mb(peakRss)).put("load_peak_heap_mb", MemoryWatch.mb(peakHeap));
    }
  }

  static Result run(BenchOptions options, Wrk wrk) throws Exception {
    try (ServiceRun service = ServiceRun.start(options.jar(), options.serviceJvmFlags("ingest"),
        options.runDir().resolve("service-ingest.log")).awaitReady();
        MemoryWatch watch = new MemoryWatch(service, 1_000)) {
      Users users = Users.mint(service, options.users(), service.dataDir());
      Thread.sleep(5_000);
      MemoryWatch.Sample idle = watch.sample();
      String post = service.gateway();
      String live = service.management() + "/health/live";
      Bench.say("ingest: warm-up " + WARMUP_SECONDS + " s");
      wrk.run("warm-up", "payouts.lua", post, 64, WARMUP_SECONDS, users.wrkEnvironment("warm", "DAILY"));
      wrk.run("warm-up", "get.lua", live, 64, 5, java.util.Map.of());
      long loadFrom = watch.elapsedMs();
      List<Wrk.Result> payouts = new ArrayList<>();
      List<Wrk.Result> lives = new ArrayList<>();
      for (int c : CONNECTIONS) {
        Bench.say("ingest: " + c + " connection(s), " + options.seconds() + " s each");
        long cpu = service.cpuMillis();
        Wrk.Result get = wrk.run("GET /health/live", "get.lua", live, c, options.seconds(), java.util.Map.of());
        lives.add(get.withCpu(service.cpuMillis() - cpu));
        cpu = service.cpuMillis();
        Wrk.Result create = wrk.run("POST /payouts", "payouts.lua", post, c, options.seconds(),
            users.wrkEnvironment("c" + c, "DAILY"));
        payouts.add(create.withCpu(service.cpuMillis() - cpu));
      }
      int c = CONNECTIONS[CONNECTIONS.length - 1];
      Bench.say("ingest: " + c + " connections, IMMEDIATE payouts settled meanwhile, " + options.seconds() + " s");
      long cpu = service.cpuMillis();
      Wrk.Result settling = wrk.run("POST /payouts +settling", "payouts.lua", post, c, options.seconds(),
          users.wrkEnvironment("s" + c, "IMMEDIATE")).withCpu(service.cpuMillis() - cpu);
      List<MemoryWatch.Sample> load = watch.since(loadFrom);
      return new Result(payouts, lives, settling, idle, MemoryWatch.maxRss(load), MemoryWatch.maxHeap(load));
    }
  }
}
