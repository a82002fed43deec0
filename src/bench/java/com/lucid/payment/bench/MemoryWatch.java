package com.lucid.payment.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples a service's resident memory (/proc) and heap (/metrics) at a fixed period, in the background. */
final class MemoryWatch implements AutoCloseable {
  /** One sample; heap is -1 when /metrics did not answer in time. */
  record Sample(long atMs, long rssBytes, long heapBytes) {}

  private final ServiceRun service;
  private final List<Sample> samples = new ArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "memory-watch");
    t.setDaemon(true);
    return t;
  });
  private final long startMs = System.currentTimeMillis();

  MemoryWatch(ServiceRun service, long periodMs) {
    this.service = service;
    timer.scheduleAtFixedRate(this::sample, 0, periodMs, TimeUnit.MILLISECONDS);
  }

  Sample sample() {
    try {
      long rss = service.rssBytes();
      long heap;
      try {
        heap = Scrape.of(service.management()).heapUsedBytes();
      } catch (Exception e) {
        heap = -1;
      }
      Sample s = new Sample(System.currentTimeMillis() - startMs, rss, heap);
      synchronized (samples) {
        samples.add(s);
      }
      return s;
    } catch (Exception e) {
      return new Sample(System.currentTimeMillis() - startMs, -1, -1);
    }
  }

  /** The samples taken from {@code fromMs} (since the watch started) on. */
  List<Sample> since(long fromMs) {
    synchronized (samples) {
      return samples.stream().filter(s -> s.atMs() >= fromMs && s.rssBytes() > 0).toList();
    }
  }

  long elapsedMs() {
    return System.currentTimeMillis() - startMs;
  }

  static long maxRss(List<Sample> samples) {
    return samples.stream().mapToLong(Sample::rssBytes).max().orElse(-1);
  }

  static long maxHeap(List<Sample> samples) {
    return samples.stream().mapToLong(Sample::heapBytes).max().orElse(-1);
  }

  /** Least-squares slope of RSS in MB per minute: growth that persists, not the saw-tooth of the collector. */
  static double rssSlopeMbPerMinute(List<Sample> samples) {
    int n = samples.size();
    if (n < 3) {
      return 0;
    }
    double mx = 0;
    double my = 0;
    for (Sample s : samples) {
      mx += s.atMs() / 60_000.0;
      my += s.rssBytes() / 1048576.0;
    }
    mx /= n;
    my /= n;
    double num = 0;
    double den = 0;
    for (Sample s : samples) {
      double dx = s.atMs() / 60_000.0 - mx;
      num += dx * (s.rssBytes() / 1048576.0 - my);
      den += dx * dx;
    }
    return den == 0 ? 0 : num / den;
  }

  static JsonArray toJson(List<Sample> samples) {
    JsonArray out = new JsonArray();
    samples.forEach(s -> out.add(new JsonObject().put("t_ms", s.atMs()).put("rss_mb", mb(s.rssBytes()))
        .put("heap_mb", mb(s.heapBytes()))));
    return out;
  }

  static double mb(long bytes) {
    return bytes < 0 ? -1 : Math.round(bytes / 1048576.0 * 10) / 10.0;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
