package com.lucid.payment.tron;

import com.lucid.payment.config.TronNetwork;
import com.lucid.payment.tron.api.WalletStatus;
import com.lucid.payment.tron.chain.TronAddress;
import com.lucid.payment.tron.node.AccountResources;
import com.lucid.payment.tron.node.BlockRef;
import com.lucid.payment.tron.node.FullNode;
import com.lucid.payment.tron.node.NodeClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the hot wallet's funds and resources, and the client's status for health checks. Each wallet read also sets
 * the tron_wallet_* gauges (USDT and TRX in whole units, energy and bandwidth available).
 */
final class WalletInspector {
  private final FullNode node;
  private final TronAddress hotWallet;
  private final TronAddress usdt;
  private final TronNetwork network;
  private final AtomicLong usdtUnits = new AtomicLong();
  private final AtomicLong trxSun = new AtomicLong();
  private final AtomicLong energy = new AtomicLong();
  private final AtomicLong bandwidth = new AtomicLong();

  WalletInspector(FullNode node, TronAddress hotWallet, TronAddress usdt, TronNetwork network,
      MeterRegistry registry) {
    this.node = node;
    this.hotWallet = hotWallet;
    this.usdt = usdt;
    this.network = network;
    // Prometheus values are doubles: the balances are exported in whole USDT and TRX, never used for money here
    Gauge.builder("tron_wallet_usdt", usdtUnits, u -> u.get() / 1_000_000.0)
        .description("USDT the hot wallet holds, at the last wallet read").register(registry);
    Gauge.builder("tron_wallet_trx", trxSun, t -> t.get() / 1_000_000.0)
        .description("TRX the hot wallet holds, at the last wallet read").register(registry);
    Gauge.builder("tron_wallet_energy_available", energy, AtomicLong::get)
        .description("Energy the hot wallet can use now (staked, not yet used)").register(registry);
    Gauge.builder("tron_wallet_bandwidth_available", bandwidth, AtomicLong::get)
        .description("Bandwidth bytes the hot wallet can use now (free and staked)").register(registry);
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
      usdtUnits.set(tokens.result());
      trxSun.set(trx.result());
      energy.set(r.energyAvailable());
      bandwidth.set(r.bandwidthAvailable());
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
