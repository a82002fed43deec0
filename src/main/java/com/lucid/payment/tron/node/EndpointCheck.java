package com.lucid.payment.tron.node;

import com.lucid.payment.config.ConfigException;
import com.lucid.payment.tron.chain.ChainDataException;
import com.lucid.payment.tron.chain.VerifiedBlock;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * At start, what each configured node's URLs serve: its full-node URL a block at /wallet/getnowblock, its solidity
 * URL a block at /walletsolidity/getnowblock, both the same genesis block, and every node the genesis of the first.
 * A URL that answers something else (java-tron's 405 HTML page of the other port, 404, a body that is no block) is a
 * wrong setting: start-up fails with one line that names TRON_NODE_URL and says what to write instead. A URL that does
 * not answer, or answers 5xx or 429, cannot be judged: it is logged and left to its breaker, so that a node down at
 * start does not keep a failover set from starting.
 */
public final class EndpointCheck {
  static final String SETTING = "TRON_NODE_URL";
  private static final Logger LOG = Logger.getLogger(EndpointCheck.class.getName());
  private static final JsonObject GENESIS = new JsonObject().put("num", 0);

  private final NodeClient client;

  public EndpointCheck(NodeClient client) {
    this.client = client;
  }

  /** Fails with the ConfigException of the first node, in the configured order, whose URLs serve the wrong API. */
  public Future<Void> run() {
    List<Future<Optional<String>>> perNode = new ArrayList<>();
    for (int i = 0; i < client.nodeCount(); i++) {
      perNode.add(node(i));
    }
    return Future.join(perNode).transform(all -> {
      for (Future<Optional<String>> problem : perNode) {
        if (problem.succeeded() && problem.result().isPresent()) {
          return Future.failedFuture(new ConfigException(SETTING, problem.result().get()));
        }
      }
      return genesisAgreed();
    });
  }

  /** What an API answered to a getnowblock: a block, the wrong thing, or nothing to judge by. */
  private record Served(boolean block, boolean judged, String what) {}

  private Future<Optional<String>> node(int i) {
    NodeClient.NodeState urls = client.states().get(i);
    boolean split = !urls.url().equals(urls.solidityUrl());
    Future<Served> full = served(i, false, "/wallet/getnowblock");
    Future<Served> solid = served(i, true, "/walletsolidity/getnowblock");
    return Future.all(full, solid).compose(both -> {
      String n = "node " + (i + 1) + "'s ";
      if (!full.result().block() && full.result().judged()) {
        return served(i, false, "/walletsolidity/getnowblock").map(other -> Optional.of(other.block()
            ? n + "full-node URL " + urls.url() + " serves /walletsolidity but no /wallet (" + full.result().what()
                + "): it is a solidity port; give the full-node URL first: FULL_URL|SOLIDITY_URL"
            : n + "full-node URL " + urls.url() + " does not serve /wallet/getnowblock (" + full.result().what()
                + "): it is not a TRON node's HTTP API"));
      }
      if (!solid.result().block() && solid.result().judged()) {
        if (!split) {
          return Future.succeededFuture(Optional.of(urls.url() + " serves no /walletsolidity ("
              + solid.result().what() + "): java-tron serves it on its solidity port (8091 by default); give both: "
              + SETTING + "=" + urls.url() + "|SOLIDITY_URL"));
        }
        return served(i, true, "/wallet/getnowblock").map(other -> Optional.of(n + "solidity URL "
            + urls.solidityUrl() + " serves no /walletsolidity (" + solid.result().what() + ")"
            + (other.block() ? ": it is a full-node port; give the solidity port after the '|'" : "")));
      }
      if (!full.result().judged() || !solid.result().judged()) {
        LOG.warning(() -> "TRON node " + (i + 1) + " (" + urls.url() + (split ? "|" + urls.solidityUrl() : "")
            + ") could not be checked at start: " + (full.result().judged() ? solid : full).result().what()
            + "; it is used once it answers");
      }
      return Future.succeededFuture(Optional.<String>empty());
    });
  }

  private Future<Served> served(int node, boolean solidityUrl, String path) {
    return client.probe(node, solidityUrl, path, new JsonObject()).map(p -> {
      if (p.status() >= 500 || p.status() == 429 || p.status() == 403) {
        return new Served(false, false, "HTTP " + p.status());
      }
      String what = "HTTP " + p.status() + (p.contentType().isEmpty() ? "" : ", " + p.contentType());
      if (p.status() != 200 || p.json() == null) {
        return new Served(false, true, what);
      }
      try {
        VerifiedBlock.header(p.json());
        return new Served(true, true, what);
      } catch (ChainDataException notABlock) {
        return new Served(false, true, "an answer that is not a block");
      }
    }).otherwise(err -> new Served(false, false, NodeWire.classify(err).label()));
  }

  /** Each answering node's two URLs name one genesis block, and every node the first one's. */
  private Future<Void> genesisAgreed() {
    List<Future<String>> full = new ArrayList<>();
    List<Future<String>> solid = new ArrayList<>();
    List<Future<String>> every = new ArrayList<>();
    for (int i = 0; i < client.nodeCount(); i++) {
      full.add(genesis(i, false));
      solid.add(genesis(i, true));
      every.add(full.get(i));
      every.add(solid.get(i));
    }
    return Future.join(every).transform(all -> {
      String first = null;
      for (int i = 0; i < client.nodeCount(); i++) {
        String f = full.get(i).succeeded() ? full.get(i).result() : null;
        String s = solid.get(i).succeeded() ? solid.get(i).result() : null;
        if (f != null && s != null && !f.equals(s)) {
          return Future.failedFuture(new ConfigException(SETTING, "node " + (i + 1) + "'s full-node URL and solidity "
              + "URL are on different chains (genesis " + brief(f) + " and " + brief(s) + ")"));
        }
        String g = f != null ? f : s;
        if (g != null && first != null && !first.equals(g)) {
          return Future.failedFuture(new ConfigException(SETTING, "node " + (i + 1) + " is on another chain than the "
              + "nodes before it (genesis " + brief(g) + ", not " + brief(first) + ")"));
        }
        first = first == null ? g : first;
      }
      return Future.succeededFuture();
    });
  }

  private Future<String> genesis(int node, boolean solidityUrl) {
    String path = (solidityUrl ? "/walletsolidity" : "/wallet") + "/getblockbynum";
    return client.probe(node, solidityUrl, path, GENESIS).compose(p -> p.status() == 200 && p.json() != null
        ? Future.succeededFuture(VerifiedBlock.header(p.json()).id()) : Future.failedFuture("no genesis block"));
  }

  private static String brief(String blockId) {
    return blockId.substring(Math.max(0, blockId.length() - 16));
  }
}
