package com.lucid.payment.config;

import java.util.List;

/** The TRON networks the service can pay on, with their public defaults. */
public enum TronNetwork {
  MAINNET("https://api.trongrid.io", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", 3_000),
  SHASTA("https://api.shasta.trongrid.io", "TG3XXyExBkPp9nzdajDZsozEu4BkaSJozs", 3_000),
  NILE("https://nile.trongrid.io", "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf", 3_000),
  /**
   * The embedded local node (section 9); its URL and USDT contract are known only once it runs. Its blocks come on a
   * timer (or at a test's request), so only strictly rising timestamps are promised.
   */
  DEVNET(null, null, 1);

  private final String defaultNodeUrl;
  private final String defaultUsdtContract;
  private final long minBlockIntervalMs;

  TronNetwork(String defaultNodeUrl, String defaultUsdtContract, long minBlockIntervalMs) {
    this.defaultNodeUrl = defaultNodeUrl;
    this.defaultUsdtContract = defaultUsdtContract;
    this.minBlockIntervalMs = minBlockIntervalMs;
  }

  /**
   * The least time between two consecutive blocks: TRON's block times are 3 s slots, a missed slot only adds to it.
   * A node whose timestamps run faster than this is not telling the truth.
   */
  public long minBlockIntervalMs() {
    return minBlockIntervalMs;
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
