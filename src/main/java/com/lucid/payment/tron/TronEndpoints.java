package com.lucid.payment.tron;

import com.lucid.payment.tron.chain.TronAddress;
import java.util.List;
import java.util.Objects;

/** Where the TRON client goes, known only at start (the embedded devnet picks its port): node URLs and USDT. */
public record TronEndpoints(List<String> nodeUrls, TronAddress usdtContract) {
  public TronEndpoints {
    nodeUrls = List.copyOf(nodeUrls);
    Objects.requireNonNull(usdtContract, "usdtContract");
  }
}
