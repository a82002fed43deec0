package com.lucid.payment.config;

import java.util.List;

/** The TRON networks the service can pay on, with their public defaults. */
public enum TronNetwork {
  MAINNET("https://api.trongrid.io", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
  SHASTA("https://api.shasta.trongrid.io", "TG3XXyExBkPp9nzdajDZsozEu4BkaSJozs"),
  NILE("https://nile.trongrid.io", "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf"),
  /** The embedded local node (section 9); its URL and USDT contract are known only once it runs. */
  DEVNET(null, null);

  private final String defaultNodeUrl;
  private final String defaultUsdtContract;

  TronNetwork(String defaultNodeUrl, String defaultUsdtContract) {
    this.defaultNodeUrl = defaultNodeUrl;
    this.defaultUsdtContract = defaultUsdtContract;
  }

  public List<String> defaultNodeUrls() {
    return defaultNodeUrl == null ? List.of() : List.of(defaultNodeUrl);
  }

  public String defaultUsdtContract() {
    return defaultUsdtContract;
  }

  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
