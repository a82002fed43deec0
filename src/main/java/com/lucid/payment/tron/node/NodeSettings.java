package com.lucid.payment.tron.node;

import com.lucid.payment.config.ServiceConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the full nodes are and how to reach them.
 *
 * @param nodes the nodes, tried in this order, each with its full-node and solidity URL
 * @param apiKey sent as TRON-PRO-API-KEY on every request
 * @param proxy the SOCKS5 proxy every request goes through, when set
 * @param torOnly refuse to build a client without a proxy
 * @param caFile PEM CA certificates trusted for https nodes instead of the JVM's; empty means the JVM's
 */
public record NodeSettings(
    List<ServiceConfig.TronNode> nodes,
    Optional<ServiceConfig.Secret> apiKey,
    Optional<ServiceConfig.SocksProxy> proxy,
    boolean torOnly,
    ServiceConfig.Nodes tuning,
    Optional<Path> caFile) {

  public NodeSettings {
    nodes = List.copyOf(nodes);
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(proxy, "proxy");
    Objects.requireNonNull(tuning, "tuning");
    Objects.requireNonNull(caFile, "caFile");
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("at least one TRON node URL is needed");
    }
  }

  /** The configured client settings with the nodes known at run time (the embedded devnet's, or the config's). */
  public static NodeSettings of(ServiceConfig.Tron config, List<ServiceConfig.TronNode> nodes) {
    return new NodeSettings(nodes, config.apiKey(), config.torProxy(), config.torOnly(), config.nodes(),
        config.nodeCaFile());
  }
}
