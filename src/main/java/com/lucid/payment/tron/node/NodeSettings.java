package com.lucid.payment.tron.node;

import com.lucid.payment.config.ServiceConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the full nodes are and how to reach them.
 *
 * @param urls node base URLs, tried in this order
 * @param apiKey sent as TRON-PRO-API-KEY on every request
 * @param proxy the SOCKS5 proxy every request goes through, when set
 * @param torOnly refuse to build a client without a proxy
 * @param caFile PEM CA certificates trusted for https nodes instead of the JVM's; empty means the JVM's
 */
public record NodeSettings(
    List<String> urls,
    Optional<ServiceConfig.Secret> apiKey,
    Optional<ServiceConfig.SocksProxy> proxy,
    boolean torOnly,
    ServiceConfig.Nodes tuning,
    Optional<Path> caFile) {

  public NodeSettings {
    urls = List.copyOf(urls);
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(proxy, "proxy");
    Objects.requireNonNull(tuning, "tuning");
    Objects.requireNonNull(caFile, "caFile");
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("at least one TRON node URL is needed");
    }
  }

  /** Settings that trust the JVM's CA certificates. */
  public NodeSettings(List<String> urls, Optional<ServiceConfig.Secret> apiKey,
      Optional<ServiceConfig.SocksProxy> proxy, boolean torOnly, ServiceConfig.Nodes tuning) {
    this(urls, apiKey, proxy, torOnly, tuning, Optional.empty());
  }

  /** The configured client settings with the node URLs known at run time (the embedded devnet's, or the config's). */
  public static NodeSettings of(ServiceConfig.Tron config, List<String> urls) {
    return new NodeSettings(urls, config.apiKey(), config.torProxy(), config.torOnly(), config.nodes(),
        config.nodeCaFile());
  }
}
