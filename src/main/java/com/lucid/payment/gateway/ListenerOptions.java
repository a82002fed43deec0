package com.lucid.payment.gateway;

import com.lucid.payment.config.ServiceConfig;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;

/** The gateway listener's options: the bounds the HTTP decoder enforces before any handler of ours runs. */
public final class ListenerOptions {
  /** The name the gateway's HTTP metrics carry (label server_name). */
  public static final String METRICS_NAME = "gateway";
  /** Request line (method, path, query) and the whole header block: larger is 414 / 431, in the envelope. */
  static final int MAX_LINE_BYTES = 4096;
  static final int MAX_HEADER_BYTES = 8192;
  /** Streams one HTTP/2 connection may have open at once, when h2c is on. */
  static final long MAX_STREAMS = 32;

  private ListenerOptions() {}

  public static HttpServerOptions gateway(String host, int port, ServiceConfig.Edge edge) {
    return new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setMaxInitialLineLength(MAX_LINE_BYTES)
        .setMaxHeaderSize(MAX_HEADER_BYTES)
        .setIdleTimeout(edge.idleTimeoutSeconds())
        .setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setHttp2ClearTextEnabled(edge.http2Cleartext())
        .setInitialSettings(new Http2Settings().setMaxConcurrentStreams(MAX_STREAMS)
            .setMaxHeaderListSize(MAX_HEADER_BYTES))
        .setUseProxyProtocol(edge.proxyProtocol())
        // a PROXY header comes first and at once from tor; a client that sends none is gone within the head's time
        .setProxyProtocolTimeout(edge.headerTimeoutMs())
        .setProxyProtocolTimeoutUnit(TimeUnit.MILLISECONDS)
        .setMetricsName(METRICS_NAME);
  }
}
