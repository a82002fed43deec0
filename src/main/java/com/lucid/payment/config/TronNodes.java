package com.lucid.payment.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * TRON_NODE_URL: the nodes, comma-separated, tried in that order; each is one URL serving both APIs (a gateway such
 * as TronGrid) or {@code FULL|SOLIDITY}, the full-node URL then the solidity URL of one node (java-tron's two ports).
 * Pairs keep each node's two URLs together, so a list of nodes cannot pair one node's full API with another's
 * solidity API, and a mixed list (a gateway, then an own java-tron) needs no placeholders.
 */
final class TronNodes {
  static final String VARIABLE = "TRON_NODE_URL";
  /** The TronWeb-style name an operator may reach for: refused so that it is never silently ignored. */
  static final String SOLIDITY_VARIABLE = "TRON_SOLIDITY_NODE_URL";

  private TronNodes() {}

  /** @param url checks one URL and returns it normalised, or throws the ConfigException naming TRON_NODE_URL */
  static List<ServiceConfig.TronNode> parse(String value, UnaryOperator<String> url) {
    List<ServiceConfig.TronNode> nodes = new ArrayList<>();
    for (String item : value.split(",", -1)) {
      String[] parts = item.split("\\|", -1);
      if (parts.length > 2) {
        throw new ConfigException(VARIABLE, "'" + item.trim() + "' has more than one '|': each node is URL or "
            + "FULL_URL|SOLIDITY_URL");
      }
      String full = url.apply(parts[0].trim());
      nodes.add(parts.length == 1 ? ServiceConfig.TronNode.of(full)
          : new ServiceConfig.TronNode(full, url.apply(parts[1].trim())));
    }
    return List.copyOf(nodes);
  }

  /** TRON_SOLIDITY_NODE_URL set: say where the solidity URL goes instead. */
  static ConfigException misplacedSolidityUrl() {
    return new ConfigException(SOLIDITY_VARIABLE, "is not read: give each node's solidity URL after its full-node "
        + "URL in TRON_NODE_URL, e.g. TRON_NODE_URL=http://node:8090|http://node:8091");
  }
}
