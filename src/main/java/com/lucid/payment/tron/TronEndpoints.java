package com.lucid.payment.tron;

import com.lucid.payment.config.ServiceConfig.TronNode;
import com.lucid.payment.tron.chain.TronAddress;
import java.util.List;
import java.util.Objects;

/**
 * Where the TRON client goes, known only at start (the embedded devnet picks its ports): the nodes, each with its
 * full-node and solidity URLs, and USDT.
 */
public record TronEndpoints(List<TronNode> nodes, TronAddress usdtContract) {
  public TronEndpoints {
    nodes = List.copyOf(nodes);
    Objects.requireNonNull(usdtContract, "usdtContract");
  }
}
