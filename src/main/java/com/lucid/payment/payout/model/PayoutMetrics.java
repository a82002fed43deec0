package com.lucid.payment.payout.model;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
public final class PayoutMetrics {
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
      Map.entry("tron_hourly_limit_usage_usdt", "USDT reserved in this hour's global limit window (UTC)"),
      Map.entry("tron_payout_chain_mismatch_total", "Solidified transactions that were not the payout's transfer"));

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

  public PayoutMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (RouterType router : RouterType.values()) {
      for (PayoutStatus status : PayoutStatus.values()) {
        if (status.terminal()) {
          duration(router, status);
        }
      }
      paid(router);
    }
    integrityViolations();
  }

  /** A create request's outcome: accepted, replayed. */
  public void requested(Payout payout, String outcome) {
    Counter.builder("tron_payment_requests_total").description("Payout requests by outcome")
        .tag("router_type", payout.router().name()).tag("priority", payout.terms().request().priority().name())
        .tag("status", outcome).register(registry).increment();
  }

  /** A payout reached a terminal status: its time from release (or acceptance, if later) to now, and what it paid. */
  public void finished(Payout payout, PayoutStatus reached, Instant now) {
    long from = Math.max(payout.terms().createdAt(), payout.terms().releaseAt());
    duration(payout.router(), reached).record(Duration.ofMillis(Math.max(0, now.toEpochMilli() - from)));
    if (reached == PayoutStatus.CONFIRMED) {
      paid(payout.router()).increment(payout.amount() / 1_000_000.0);
    }
  }

  private Timer duration(RouterType router, PayoutStatus status) {
    return Timer.builder("tron_payout_processing_duration_seconds")
        .description("From a payout's release (or acceptance, if later) to its terminal status")
        .serviceLevelObjectives(DURATION_BUCKETS)
        .tag("router_type", router.name()).tag("status", status.api()).register(registry);
  }

  private Counter paid(RouterType router) {
    return Counter.builder("tron_payout_amount_usdt_total").description("USDT paid out, confirmed")
        .tag("router_type", router.name()).register(registry);
  }

  /** A stored payout failed its integrity check. */
  public void integrityViolation() {
    integrityViolations().increment();
  }

  private Counter integrityViolations() {
    return Counter.builder("tron_payout_integrity_violations_total")
        .description("Stored payouts that failed their seal or contradicted the signer's journal")
        .tag("source", "store").register(registry);
  }

  /** Sets a gauge (created on first use). */
  public void gauge(String name, String tagKey, String tagValue, long value) {
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
  public void usdtGauge(String name, long units) {
    String id = name + "|usdt";
    gauges.computeIfAbsent(id, k -> {
      AtomicLong holder = new AtomicLong();
      Gauge.builder(name, holder, h -> h.get() / 1_000_000.0).description(HELP.get(name)).register(registry);
      return holder;
    }).set(units);
  }

  public void counter(String name, String tagKey, String tagValue) {
    Counter.builder(name).description(HELP.get(name)).tag(tagKey, tagValue).register(registry).increment();
  }
}
