package com.lucid.payment.payout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The brief's tron_* payout metrics, each with its HELP text. Amounts are exported in USDT (Prometheus values are
 * floating point; nothing reads money back from them). The series a dashboard or an alert reads exist from the start,
 * at zero, so that "none yet" is a value and not a missing series.
 */
final class PayoutMetrics {
  /** From a payout's release (or acceptance, if later) to its end: a day at most is worth a bucket. */
  private static final Duration[] DURATION_BUCKETS = {Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(90),
      Duration.ofSeconds(120), Duration.ofSeconds(180), Duration.ofSeconds(300), Duration.ofSeconds(600),
      Duration.ofSeconds(1800), Duration.ofSeconds(3600), Duration.ofHours(6), Duration.ofDays(1)};
  private static final Map<String, String> HELP = Map.ofEntries(
      Map.entry("tron_circuit_breaker_status", "The payout safety breaker: 0 closed, 1 open, 2 half open"),
      Map.entry("tron_payout_holds", "Payouts waiting with this hold_reason"),
      Map.entry("tron_payout_oldest_hold_seconds",
          "How long past its release the longest-waiting payout with this hold_reason has waited (0: none)"),
      Map.entry("tron_pending_payouts_count", "Payouts pending"),
      Map.entry("tron_processing_payouts_count", "Payouts processing (signed, being sent or confirmed)"),
      Map.entry("tron_confirmed_payouts_count", "Payouts confirmed"),
      Map.entry("tron_failed_payouts_count", "Payouts failed"),
      Map.entry("tron_cancelled_payouts_count", "Payouts cancelled"),
      Map.entry("tron_daily_limit_usage_usdt", "USDT reserved in today's global limit window (UTC)"),
      Map.entry("tron_hourly_limit_usage_usdt", "USDT reserved in this hour's global limit window (UTC)"));

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

  PayoutMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (RouterType router : RouterType.values()) {
      for (PayoutStatus status : PayoutStatus.values()) {
        if (status.terminal()) {
          duration(router.name(), status.api());
        }
      }
      paid(router.name());
    }
    integrityViolations();
  }

  /** A create request's outcome: accepted, replayed. */
  void requested(JsonObject doc, String outcome) {
    Counter.builder("tron_payment_requests_total").description("Payout requests by outcome")
        .tag("router_type", doc.getString("router_type")).tag("priority", doc.getString("priority"))
        .tag("status", outcome).register(registry).increment();
  }

  /** A payout reached a terminal status: its time from release (or acceptance) to now, and what it paid. */
  void finished(JsonObject doc, Instant now) {
    String status = doc.getString("status");
    long from = Math.max(doc.getLong("created_at"), doc.getLong("release_at", 0L));
    duration(doc.getString("router_type"), status).record(Duration.ofMillis(Math.max(0, now.toEpochMilli() - from)));
    if (PayoutStatus.CONFIRMED.api().equals(status)) {
      paid(doc.getString("router_type")).increment(doc.getLong("amount") / 1_000_000.0);
    }
  }

  private Timer duration(String router, String status) {
    return Timer.builder("tron_payout_processing_duration_seconds")
        .description("From a payout's release (or acceptance, if later) to its terminal status")
        .serviceLevelObjectives(DURATION_BUCKETS)
        .tag("router_type", router).tag("status", status).register(registry);
  }

  private Counter paid(String router) {
    return Counter.builder("tron_payout_amount_usdt_total").description("USDT paid out, confirmed")
        .tag("router_type", router).register(registry);
  }

  /** A stored payout failed its integrity check. */
  void integrityViolation() {
    integrityViolations().increment();
  }

  private Counter integrityViolations() {
    return Counter.builder("tron_payout_integrity_violations_total")
        .description("Stored payouts that failed their seal or contradicted the signer's journal")
        .tag("source", "store").register(registry);
  }

  /** Sets a gauge (created on first use). */
  void gauge(String name, String tagKey, String tagValue, long value) {
    String id = name + "|" + tagKey + "|" + tagValue;
    gauges.computeIfAbsent(id, k -> {
      AtomicLong holder = new AtomicLong();
      Gauge.Builder<AtomicLong> b = Gauge.builder(name, holder, AtomicLong::get).description(HELP.get(name));
      if (tagKey != null) {
        b.tag(tagKey, tagValue);
      }
      b.register(registry);
      return holder;
    }).set(value);
  }

  /** A gauge whose value is USDT base units, exported in USDT. */
  void usdtGauge(String name, long units) {
    String id = name + "|usdt";
    gauges.computeIfAbsent(id, k -> {
      AtomicLong holder = new AtomicLong();
      Gauge.builder(name, holder, h -> h.get() / 1_000_000.0).description(HELP.get(name)).register(registry);
      return holder;
    }).set(units);
  }

  void counter(String name, String description, String tagKey, String tagValue) {
    Counter.builder(name).description(description).tag(tagKey, tagValue).register(registry).increment();
  }
}
