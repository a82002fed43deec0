package com.lucid.payment.tron;

import com.lucid.payment.config.TronNetwork;
import com.lucid.payment.tron.api.WalletStatus;
import com.lucid.payment.tron.chain.TronAddress;
import com.lucid.payment.tron.node.AccountResources;
import com.lucid.payment.tron.node.BlockRef;
import com.lucid.payment.tron.node.FullNode;
import com.lucid.payment.tron.node.NodeClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Reads the hot wallet's funds and resources, and the client's status for health checks. */
final class WalletInspector {
  private final FullNode node;
  private final TronAddress hotWallet;
  private final TronAddress usdt;
  private final TronNetwork network;

  WalletInspector(FullNode node, TronAddress hotWallet, TronAddress usdt, TronNetwork network) {
    this.node = node;
    this.hotWallet = hotWallet;
    this.usdt = usdt;
    this.network = network;
  }

  Future<WalletStatus> wallet() {
    Future<Long> trx = node.trxBalance(hotWallet);
    Future<Long> tokens = node.usdtBalance(usdt, hotWallet);
    Future<Long> solidTokens = node.usdtSolidBalance(usdt, hotWallet);
    Future<AccountResources> resources = node.accountResources(hotWallet);
    Future<Long> energyFee = node.energyFeeSun();
    Future<BlockRef> head = node.headBlock();
    Future<BlockRef> solid = node.solidBlock();
    return Future.all(List.of(trx, tokens, solidTokens, resources, energyFee, head, solid)).map(all -> {
      AccountResources r = resources.result();
      return new WalletStatus(hotWallet, trx.result(), tokens.result(), solidTokens.result(), r.energyAvailable(),
          r.energyLimit(),
          r.bandwidthAvailable(), r.bandwidthLimit(), energyFee.result(), head.result().number(),
          solid.result().number());
    });
  }

  /** {status: up|down, network, nodes, head_block, solid_block, hot_wallet, usdt_contract}; up = blocks readable. */
  Future<JsonObject> status() {
    NodeClient client = node.client();
    JsonArray nodes = new JsonArray();
    client.states().forEach(s -> {
      JsonObject n = new JsonObject().put("url", s.url()).put("breaker", s.breakerName());
      if (!s.solidityUrl().equals(s.url())) {
        n.put("solidity_url", s.solidityUrl());
      }
      nodes.add(n);
    });
    JsonObject report = new JsonObject()
        .put("network", network.configName())
        .put("nodes", nodes)
        .put("hot_wallet", hotWallet.base58())
        .put("usdt_contract", usdt.base58());
    Future<BlockRef> head = node.headBlock();
    Future<BlockRef> solid = node.solidBlock();
    return Future.all(head, solid)
        .map(all -> report.put("status", "up").put("head_block", head.result().number())
            .put("solid_block", solid.result().number()))
        .otherwise(err -> report.put("status", "down")
            .put("reason", TronFailures.toApiFailure(err).getMessage()));
  }
}
