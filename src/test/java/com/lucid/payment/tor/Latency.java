package com.lucid.payment.tor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Round trips of one request, direct and through Tor: on a kept-alive connection, and with a new one each time. */
final class Latency {
  static final int CALLS = 30;
  static final int NEW_CONNECTIONS = 10;
  private static final int WARM_UP = 5;

  private Latency() {}

  /** Opens an HTTP connection (directly or through SOCKS). */
  interface Opener {
    Http1 open() throws IOException;
  }

  /** One request on a connection; its reply must be a success or the measurement fails. */
  interface Call {
    Http1.Reply call(Http1 http) throws IOException;
  }

  /** Median and 90th percentile of a set of round trips, in milliseconds. */
  record Stats(double median, double p90) {
    static Stats of(List<Double> millis) {
      List<Double> sorted = millis.stream().sorted().toList();
      return new Stats(sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1));
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.1f ms (p90 %.1f)", median, p90);
    }
  }

  /** The same request measured both ways, kept-alive and on new connections. */
  record Comparison(String what, Stats direct, Stats tor, Stats directNew, Stats torNew) {
    String report() {
      return String.format(Locale.ROOT, "%s: kept-alive direct %s, through Tor %s: +%.1f ms per call;"
          + " new connection each call: direct %s, through Tor %s: +%.1f ms", what, direct, tor,
          tor.median - direct.median, directNew, torNew, torNew.median - directNew.median);
    }
  }

  static Comparison compare(String what, Opener direct, Opener tor, Call call) throws IOException {
    return new Comparison(what, keptAlive(direct, call), keptAlive(tor, call), fresh(direct, call), fresh(tor, call));
  }

  private static Stats keptAlive(Opener opener, Call call) throws IOException {
    List<Double> millis = new ArrayList<>();
    try (Http1 http = opener.open()) {
      for (int i = 0; i < WARM_UP + CALLS; i++) {
        long start = System.nanoTime();
        check(call.call(http));
        if (i >= WARM_UP) {
          millis.add((System.nanoTime() - start) / 1e6);
        }
      }
    }
    return Stats.of(millis);
  }

  private static Stats fresh(Opener opener, Call call) throws IOException {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < NEW_CONNECTIONS; i++) {
      long start = System.nanoTime();
      try (Http1 http = opener.open()) {
        check(call.call(http));
      }
      millis.add((System.nanoTime() - start) / 1e6);
    }
    return Stats.of(millis);
  }

  private static void check(Http1.Reply reply) throws IOException {
    if (reply.status() != 200) {
      throw new IOException("a measured request answered " + reply.status());
    }
  }
}
