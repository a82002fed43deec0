package com.lucid.payment.tron.node;

/**
 * What a consistent chain looks like from here: consecutive blocks are at least {@code minBlockIntervalMs} apart, and
 * no block is dated more than {@code clockSkewMs} after this host's clock.
 */
public record ChainRules(long minBlockIntervalMs, long clockSkewMs) {

  public ChainRules {
    if (minBlockIntervalMs < 1 || clockSkewMs < 0) {
      throw new IllegalArgumentException("minBlockIntervalMs must be >= 1 and clockSkewMs >= 0");
    }
  }
}
