package com.lucid.payment.bench;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Optional phase 4 ({@code make bench SOAK=600}): a fresh service under a steady load it can settle (a few payouts a
 * second, each confirmed on the devnet) for the given time; RSS and heap sampled every 5 s. The first minute is
 * warm-up; growth is the least-squares slope of RSS over the rest.
 */
final class Soak {
  static final long WARMUP_MS = 60_000;
  private static final long SAMPLE_MS = 5_000;

  /** The figures of the phase. */
  record Result(int seconds, int ratePerSecond, long accepted, long refused, long confirmed, long firstRss,
      long lastRss, long maxRss, long maxHeap, double slopeMbPerMinute, List<MemoryWatch.Sample> samples) {
    JsonObject toJson() {
      return new JsonObject().put("seconds", seconds).put("payouts_per_second", ratePerSecond)
          .put("accepted", accepted).put("refused", refused).put("confirmed", confirmed)
          .put("rss_after_warmup_mb", MemoryWatch.mb(firstRss)).put("rss_end_mb", MemoryWatch.mb(lastRss))
          .put("rss_max_mb", MemoryWatch.mb(maxRss)).put("heap_max_mb", MemoryWatch.mb(maxHeap))
          .put("rss_slope_mb_per_minute", Math.round(slopeMbPerMinute * 100) / 100.0)
          .put("samples", MemoryWatch.toJson(samples));
    }
  }

  static Result run(BenchOptions options) throws Exception {
    int rate = options.soakRate();
    try (ServiceRun service = ServiceRun.start(options.jar(), options.serviceJvmFlags("soak"),
        options.runDir().resolve("service-soak.log")).awaitReady();
        MemoryWatch watch = new MemoryWatch(service, SAMPLE_MS)) {
      Users users = Users.mint(service, options.users(), service.dataDir());
      PayoutClient client = new PayoutClient(service.gateway(), users.tokens(), users.recipients());
      Bench.say("soak: " + options.soak() + " s at " + rate + " payouts/s, RSS every " + SAMPLE_MS / 1000 + " s");
      long from = watch.elapsedMs();
      ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
      pace.scheduleAtFixedRate(client::send, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
      try {
        for (int s = 0; s < options.soak(); s += 60) {
          Thread.sleep(Math.min(60, options.soak() - s) * 1000L);
          MemoryWatch.Sample now = watch.sample();
          Bench.say("soak: " + Math.min(options.soak(), s + 60) + " s, RSS " + MemoryWatch.mb(now.rssBytes())
              + " MB, heap " + MemoryWatch.mb(now.heapBytes()) + " MB, accepted " + client.accepted());
        }
      } finally {
        pace.shutdownNow();
      }
      Scrape scrape = Scrape.of(service.management());
      List<MemoryWatch.Sample> all = watch.since(from);
      List<MemoryWatch.Sample> settled = watch.since(from + WARMUP_MS);
      List<MemoryWatch.Sample> measured = settled.size() >= 3 ? settled : all;
      return new Result(options.soak(), rate, client.accepted(), client.refused(), scrape.confirmed(),
          measured.get(0).rssBytes(), measured.get(measured.size() - 1).rssBytes(), MemoryWatch.maxRss(measured),
          MemoryWatch.maxHeap(measured), MemoryWatch.rssSlopeMbPerMinute(measured), all);
    }
  }
}
