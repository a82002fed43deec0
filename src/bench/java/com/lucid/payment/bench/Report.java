package com.lucid.payment.bench;

import java.util.List;
import java.util.Map;

/** The one summary table a run prints. */
final class Report {
  private Report() {}

  static String table(Machine machine, BenchOptions options, Ingest.Result ingest, Settlement.Result settlement,
      Signing.Result signing, Soak.Result soak, List<Targets.Check> targets) {
    StringBuilder t = new StringBuilder();
    t.append(String.format("%ntron-payment-service bench %s  (%d cores, %s, %s, load %s, %s)%n", options.stamp(),
        machine.cores(), machine.cpu(), machine.jdk(), machine.loadAverage(), machine.commit()));
    if (ingest != null) {
      t.append(String.format("%n%-28s %5s %9s %8s %8s %9s %8s %7s %9s%n", "ingest (" + options.seconds() + " s each)",
          "conns", "req/s", "p50 ms", "p99 ms", "p99.9 ms", "non-2xx", "errors", "cpu us/req"));
      for (int c : Ingest.CONNECTIONS) {
        row(t, ingest.payoutsAt(c));
      }
      for (int c : Ingest.CONNECTIONS) {
        row(t, ingest.liveAt(c));
      }
      row(t, ingest.settling());
    }
    if (settlement != null) {
      t.append(String.format("%nsettlement  %d accepted -> %d confirmed (%d failed/cancelled)%s%n",
          settlement.accepted(), settlement.confirmed(), settlement.otherwise(),
          settlement.complete() ? "" : "  INCOMPLETE: timed out"));
      t.append(String.format("  %.1f payouts/s; accepting took %.1f s, drain after the last accept %.1f s, "
          + "first accept to last confirm %.1f s;%n  accept-to-confirm mean %.1f s; service CPU %.1f ms per payout%n",
          settlement.perSecond(), settlement.acceptSeconds(), settlement.drainSeconds(), settlement.totalSeconds(),
          settlement.meanLatencySeconds(), settlement.cpuMsPerPayout()));
    }
    if (signing != null) {
      t.append(String.format("%nsigning primitive (JMH, 1 thread)%n"));
      for (Map.Entry<String, double[]> e : signing.scores().entrySet()) {
        t.append(String.format("  %-10s %10.0f ops/s  +- %.0f%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
      }
    }
    t.append(String.format("%nmemory (MB)       RSS    heap%n"));
    if (ingest != null) {
      mem(t, "idle at start", ingest.idle().rssBytes(), ingest.idle().heapBytes());
      mem(t, "ingest peak", ingest.peakRss(), ingest.peakHeap());
    }
    if (settlement != null) {
      mem(t, "settlement peak", settlement.peakRss(), settlement.peakHeap());
      mem(t, "idle after drain", settlement.idleAfter().rssBytes(), settlement.idleAfter().heapBytes());
    }
    if (soak != null) {
      t.append(String.format("%nsoak %d s at %d payouts/s: RSS %.0f -> %.0f MB (max %.0f), slope %.2f MB/min, "
          + "%d accepted, %d confirmed%n", soak.seconds(), soak.ratePerSecond(), MemoryWatch.mb(soak.firstRss()),
          MemoryWatch.mb(soak.lastRss()), MemoryWatch.mb(soak.maxRss()), soak.slopeMbPerMinute(), soak.accepted(),
          soak.confirmed()));
    }
    t.append(String.format("%n%-46s %14s %14s  %s%n", "target", "measured", "asked", "verdict"));
    for (Targets.Check c : targets) {
      t.append(String.format("%-46s %14s %14s  %s%n", c.name(), c.measured(), c.target(), c.verdict()));
    }
    return t.toString();
  }

  private static void row(StringBuilder t, Wrk.Result r) {
    t.append(String.format("  %-26s %5d %9.0f %8.2f %8.2f %9.2f %8d %7d %9.0f%n", r.label(), r.connections(),
        r.perSecond(), r.p50Ms(), r.p99Ms(), r.p999Ms(), r.non2xx(), r.socketErrors() + r.timeouts(),
        r.cpuMicrosPerRequest()));
  }

  private static void mem(StringBuilder t, String label, long rss, long heap) {
    t.append(String.format("  %-16s %6.0f %7.0f%n", label, MemoryWatch.mb(rss), MemoryWatch.mb(heap)));
  }
}
