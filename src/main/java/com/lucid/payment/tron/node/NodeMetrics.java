package com.lucid.payment.tron.node;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.circuitbreaker.CircuitBreakerState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The TRON network meters: latency per operation, errors by type, and each node's breaker state. */
final class NodeMetrics {
  private final MeterRegistry registry;
  private final List<Meter> gauges = new ArrayList<>();

  NodeMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void latency(String operation, long nanos) {
    Timer.builder("tron_network_latency_seconds")
        .description("Latency of one TRON full-node HTTP request")
        .tag("operation", operation)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  void error(NodeErrorType type, String operation) {
    registry.counter("tron_network_errors_total", "error_type", type.label(), "operation", operation).increment();
  }

  /** 0 closed, 1 half-open, 2 open. */
  void breakerGauge(String node, Supplier<CircuitBreakerState> state) {
    gauges.add(Gauge.builder("tron_node_breaker_state", () -> switch (state.get()) {
      case CLOSED -> 0;
      case HALF_OPEN -> 1;
      case OPEN -> 2;
    }).description("Circuit breaker of a TRON node: 0 closed, 1 half-open, 2 open")
        .tag("node", node)
        .register(registry));
  }

  void close() {
    gauges.forEach(registry::remove);
  }
}
