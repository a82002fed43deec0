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

/** The brief's tron_* payout metrics. Amounts are exported in USDT (Prometheus values are floating point). */
public final class PayoutMetrics {
  private final MeterRegistry registry;
  private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

  public PayoutMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A create request's outcome: accepted, replayed. */
  public void requested(Payout payout, String outcome) {
    Counter.builder("tron_payment_requests_total").description("payout requests by outcome")
        .tag("router_type", payout.router().name()).tag("priority", payout.terms().request().priority().name())
        .tag("status", outcome).register(registry).increment();
  }

  /** A payout reached a terminal status (the one it was just written with). */
  public void finished(Payout payout, PayoutStatus reached, Instant now) {
    Timer.builder("tron_payout_processing_duration_seconds").description("acceptance to terminal status")
        .tag("router_type", payout.router().name()).tag("status", reached.api()).register(registry)
        .record(Duration.ofMillis(Math.max(0, now.toEpochMilli() - payout.terms().createdAt())));
    if (reached == PayoutStatus.CONFIRMED) {
      Counter.builder("tron_payout_amount_usdt_total").description("USDT paid out, confirmed")
          .tag("router_type", payout.router().name()).register(registry)
          .increment(payout.amount() / 1_000_000.0);
    }
  }

  /** Sets a gauge (created on first use). */
  public void gauge(String name, String tagKey, String tagValue, long value) {
    String id = name + "|" + tagKey + "|" + tagValue;
    gauges.computeIfAbsent(id, k -> {
      AtomicLong holder = new AtomicLong();
      Gauge.Builder<AtomicLong> b = Gauge.builder(name, holder, AtomicLong::get);
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
      Gauge.builder(name, holder, h -> h.get() / 1_000_000.0).register(registry);
      return holder;
    }).set(units);
  }

  public void counter(String name, String tagKey, String tagValue) {
    Counter.builder(name).tag(tagKey, tagValue).register(registry).increment();
  }
}
