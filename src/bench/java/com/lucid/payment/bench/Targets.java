package com.lucid.payment.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The targets for these machines, checked against a run's figures (a phase not run is "not run"). */
final class Targets {
  static final int REFERENCE_CONNECTIONS = 64;
  static final double INGEST_SHARE = 0.25;
  static final double INGEST_P99_MS = 50;
  static final double SETTLEMENT_SHARE = 0.50;
  static final double IDLE_RSS_MB = 256;
  /** "No growth": under half a MiB a minute, i.e. under 5 MiB over the 10-minute soak. */
  static final double SOAK_SLOPE_MB_PER_MINUTE = 0.5;

  /** One target: what was measured against what was asked. */
  record Check(String name, String measured, String target, Boolean met) {
    String verdict() {
      return met == null ? "not run" : met ? "met" : "NOT met";
    }

    JsonObject toJson() {
      return new JsonObject().put("name", name).put("measured", measured).put("target", target)
          .put("met", met);
    }
  }

  private Targets() {}

  static List<Check> check(Ingest.Result ingest, Settlement.Result settlement, Signing.Result signing,
      Soak.Result soak) {
    List<Check> out = new ArrayList<>();
    if (ingest == null) {
      out.add(new Check("ingest at 64 connections vs GET /health/live", "-", ">= 25%", null));
      out.add(new Check("ingest p99 at 64 connections", "-", "< 50 ms", null));
      out.add(new Check("idle RSS", "-", "<= 256 MB", null));
    } else {
      Wrk.Result post = ingest.payoutsAt(REFERENCE_CONNECTIONS);
      double share = post.perSecond() / ingest.liveAt(REFERENCE_CONNECTIONS).perSecond();
      out.add(new Check("ingest at 64 connections vs GET /health/live", String.format("%.1f%%", share * 100),
          ">= 25%", share >= INGEST_SHARE));
      out.add(new Check("ingest p99 at 64 connections", String.format("%.1f ms", post.p99Ms()), "< 50 ms",
          post.p99Ms() < INGEST_P99_MS));
      double idle = MemoryWatch.mb(ingest.idle().rssBytes());
      out.add(new Check("idle RSS (ready, before any load)", String.format("%.0f MB", idle), "<= 256 MB",
          idle <= IDLE_RSS_MB));
    }
    if (settlement == null || signing == null) {
      out.add(new Check("settlement vs signing primitive (1 core)", "-", ">= 50%", null));
    } else {
      double share = settlement.perSecond() / signing.transferPerSecond();
      out.add(new Check("settlement vs signing primitive (1 core)", String.format("%.1f%%", share * 100), ">= 50%",
          settlement.complete() && share >= SETTLEMENT_SHARE));
    }
    out.add(soak == null ? new Check("RSS growth over the soak", "-", "<= 0.5 MB/min", null)
        : new Check("RSS growth over the soak", String.format("%.2f MB/min", soak.slopeMbPerMinute()),
            "<= 0.5 MB/min", soak.slopeMbPerMinute() <= SOAK_SLOPE_MB_PER_MINUTE));
    return out;
  }

  static JsonArray toJson(List<Check> checks) {
    JsonArray out = new JsonArray();
    checks.forEach(c -> out.add(c.toJson()));
    return out;
  }
}
