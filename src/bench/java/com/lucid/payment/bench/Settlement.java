package com.lucid.payment.bench;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Phase 2: a fresh service accepts {@code count} payouts as fast as 32 connections carry them; the clock runs from
 * the first accepted to the last confirmed on the devnet's solidified chain (read from the service's own metrics).
 */
final class Settlement {
  private static final int CONCURRENCY = 32;
  private static final long POLL_MS = 200;

  /** The figures of the phase; times in seconds. */
  record Result(long accepted, long refused, long confirmed, long otherwise, double acceptSeconds,
      double drainSeconds, double totalSeconds, boolean complete, double meanLatencySeconds,
      double maxLatencySeconds, long cpuMs, long peakRss, long peakHeap, MemoryWatch.Sample idleAfter) {
    /** Service CPU (engine, store and the embedded devnet together) per payout, from accept to confirmed. */
    double cpuMsPerPayout() {
      return confirmed == 0 ? 0 : (double) cpuMs / confirmed;
    }

    double perSecond() {
      return totalSeconds <= 0 ? 0 : confirmed / totalSeconds;
    }

    JsonObject toJson() {
      return new JsonObject().put("accepted", accepted).put("refused", refused).put("confirmed", confirmed)
          .put("failed_or_cancelled", otherwise).put("complete", complete)
          .put("payouts_per_second", Math.round(perSecond() * 10) / 10.0)
          .put("accept_seconds", round(acceptSeconds)).put("drain_seconds", round(drainSeconds))
          .put("first_accept_to_last_confirm_seconds", round(totalSeconds))
          .put("accept_to_confirm_mean_seconds", round(meanLatencySeconds))
          .put("accept_to_confirm_max_seconds", round(maxLatencySeconds))
          .put("service_cpu_ms_per_payout", round(cpuMsPerPayout()))
          .put("peak_rss_mb", MemoryWatch.mb(peakRss)).put("peak_heap_mb", MemoryWatch.mb(peakHeap))
          .put("idle_after_rss_mb", MemoryWatch.mb(idleAfter.rssBytes()))
          .put("idle_after_heap_mb", MemoryWatch.mb(idleAfter.heapBytes()));
    }
  }

  static double round(double seconds) {
    return Math.round(seconds * 100) / 100.0;
  }

  static Result run(BenchOptions options) throws Exception {
    try (ServiceRun service = ServiceRun.start(options.jar(), options.serviceJvmFlags("settlement"),
        options.runDir().resolve("service-settlement.log")).awaitReady();
        MemoryWatch watch = new MemoryWatch(service, 1_000)) {
      Users users = Users.mint(service, options.users(), service.dataDir());
      PayoutClient client = new PayoutClient(service.gateway(), users.tokens(), users.recipients());
      Thread.sleep(2_000);
      Bench.say("settlement: " + options.settle() + " payouts");
      long from = watch.elapsedMs();
      long cpu = service.cpuMillis();
      client.create(options.settle(), CONCURRENCY);
      long deadline = System.currentTimeMillis() + Math.max(120_000, options.settle() * 100L);
      long lastConfirmMs = System.currentTimeMillis();
      Scrape scrape = Scrape.of(service.management());
      long done = 0;
      while (System.currentTimeMillis() < deadline) {
        scrape = Scrape.of(service.management());
        long now = scrape.confirmed() + scrape.finishedOtherwise();
        if (now > done) {
          done = now;
          lastConfirmMs = System.currentTimeMillis();
        }
        if (done >= client.accepted()) {
          break;
        }
        Thread.sleep(POLL_MS);
      }
      cpu = service.cpuMillis() - cpu;
      List<MemoryWatch.Sample> load = watch.since(from);
      double count = scrape.sum("tron_payout_processing_duration_seconds_count", "status=\"confirmed\"");
      double sum = scrape.sum("tron_payout_processing_duration_seconds_sum", "status=\"confirmed\"");
      double max = scrape.sum("tron_payout_processing_duration_seconds_max", "status=\"confirmed\"");
      Bench.say("settlement: drained; idle 10 s");
      Thread.sleep(10_000);
      return new Result(client.accepted(), client.refused(), scrape.confirmed(), scrape.finishedOtherwise(),
          (client.lastAcceptMs() - client.firstAcceptMs()) / 1000.0, (lastConfirmMs - client.lastAcceptMs()) / 1000.0,
          (lastConfirmMs - client.firstAcceptMs()) / 1000.0, done >= client.accepted(),
          count == 0 ? 0 : sum / count, max, cpu, MemoryWatch.maxRss(load), MemoryWatch.maxHeap(load), watch.sample());
    }
  }
}
