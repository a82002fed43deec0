package com.lucid.payment.management;

import com.lucid.payment.gateway.ListenerOptions;
import com.lucid.payment.gateway.Methods;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the service's HTTP server metrics may be labelled with, so that no client can grow them: the route template
 * (never the path), the status, one of a fixed set of methods (a made-up method is OTHER), and the listener. Only the
 * gateway and the management port are counted: the embedded devnet's HTTP server, a test chain in the same process,
 * is not the service's traffic. Vert.x names no listener on its connection and byte meters; with an embedded devnet
 * they would count its traffic too, so then they are left out.
 */
public final class HttpMetrics {
  /** The server_name of the management listener. */
  public static final String MANAGEMENT = "management";
  private static final Set<String> COUNTED = Set.of(ListenerOptions.METRICS_NAME, MANAGEMENT);
  private static final String SERVER_PREFIX = "vertx.http.server";

  private HttpMetrics() {}

  /** Vert.x metrics with the labels above (and the JVM's). */
  public static MicrometerMetricsOptions options() {
    EnumSet<Label> labels = EnumSet.copyOf(MicrometerMetricsOptions.DEFAULT_LABELS);
    labels.add(Label.HTTP_ROUTE);
    labels.add(Label.SERVER_NAME);
    return new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true).setLabels(labels);
  }

  /** The filters that hold the labels to those values; install before Vert.x registers a meter. */
  public static void bound(MeterRegistry registry, boolean embeddedDevnet) {
    registry.config()
        .meterFilter(MeterFilter.replaceTagValues(Label.HTTP_METHOD.toString(), Methods::label))
        .meterFilter(MeterFilter.deny(id -> id.getName().replace('_', '.').startsWith(SERVER_PREFIX)
            && !counted(id.getTag(Label.SERVER_NAME.toString()), embeddedDevnet)));
  }

  private static boolean counted(String serverName, boolean embeddedDevnet) {
    return serverName == null ? !embeddedDevnet : COUNTED.contains(serverName);
  }
}
