package com.lucid.payment.bench;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Phase 2: a fresh service settles a fifth of {@code count} payouts to warm up, then accepts {@code count} payouts as
 * fast as 32 connections carry them; the clock runs from the first accepted to the last confirmed on the devnet's
 * solidified chain (read from the service's own metrics).
 */
final class Settlement {
  private static final int CONCURRENCY = 32;
  private static final long POLL_MS = 200;
  /** The warm-up settles this share of the measured count first, so the figures are of a service past its JIT. */
  private static final int WARM_UP_SHARE = 5;

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
      int warmUp = Math.max(1, options.settle() / WARM_UP_SHARE);
      Bench.say("settlement: warm-up, " + warmUp + " payouts");
      PayoutClient warmUpClient = new PayoutClient(service.gateway(), users.tokens(), users.recipients());
      drain(service, warmUpClient, warmUp, Scrape.of(service.management()));
      Thread.sleep(2_000);
      Bench.say("settlement: " + options.settle() + " payouts");
      Scrape before = Scrape.of(service.management());
      PayoutClient client = new PayoutClient(service.gateway(), users.tokens(), users.recipients());
      long from = watch.elapsedMs();
      long cpu = service.cpuMillis();
      Drained drained = drain(service, client, options.settle(), before);
      cpu = service.cpuMillis() - cpu;
      Scrape after = drained.scrape();
      List<MemoryWatch.Sample> load = watch.since(from);
      String confirmed = "status=\"confirmed\"";
      double count = delta(before, after, "tron_payout_processing_duration_seconds_count", confirmed);
      double sum = delta(before, after, "tron_payout_processing_duration_seconds_sum", confirmed);
      double max = after.sum("tron_payout_processing_duration_seconds_max", confirmed);
      Bench.say("settlement: drained; idle 10 s");
      Thread.sleep(10_000);
      long lastConfirmMs = drained.lastConfirmMs();
      return new Result(client.accepted(), client.refused(), after.confirmed() - before.confirmed(),
          after.finishedOtherwise() - before.finishedOtherwise(),
          (client.lastAcceptMs() - client.firstAcceptMs()) / 1000.0, (lastConfirmMs - client.lastAcceptMs()) / 1000.0,
          (lastConfirmMs - client.firstAcceptMs()) / 1000.0, drained.complete(),
          count == 0 ? 0 : sum / count, max, cpu, MemoryWatch.maxRss(load), MemoryWatch.maxHeap(load), watch.sample());
    }
  }

  private record Drained(Scrape scrape, long lastConfirmMs, boolean complete) {
  }

  /** Creates {@code count} payouts, then waits until every accepted one has ended (counted from {@code before}). */
  private static Drained drain(ServiceRun service, PayoutClient client, int count, Scrape before) throws Exception {
    long ended = before.confirmed() + before.finishedOtherwise();
    client.create(count, CONCURRENCY);
    long deadline = System.currentTimeMillis() + Math.max(120_000, count * 100L);
    long lastConfirmMs = System.currentTimeMillis();
    Scrape scrape = before;
    long done = 0;
    while (System.currentTimeMillis() < deadline) {
      scrape = Scrape.of(service.management());
      long now = scrape.confirmed() + scrape.finishedOtherwise() - ended;
      if (now > done) {
        done = now;
        lastConfirmMs = System.currentTimeMillis();
      }
      if (done >= client.accepted()) {
        break;
      }
      Thread.sleep(POLL_MS);
    }
    return new Drained(scrape, lastConfirmMs, done >= client.accepted());
  }

  private static double delta(Scrape before, Scrape after, String name, String labels) {
    return after.sum(name, labels) - before.sum(name, labels);
  }
}
