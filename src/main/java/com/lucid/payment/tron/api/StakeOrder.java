package com.lucid.payment.tron.api;

import java.util.Objects;
import java.util.Set;

/** Stakes TRX of the hot wallet (FreezeBalanceV2) for ENERGY or BANDWIDTH. */
public record StakeOrder(long amountSun, String resource) {
  public static final long MIN_SUN = 1_000_000L;
  public static final Set<String> RESOURCES = Set.of("ENERGY", "BANDWIDTH");

  public StakeOrder {
    Objects.requireNonNull(resource, "resource");
    if (amountSun < MIN_SUN) {
      throw new IllegalArgumentException("stake at least 1 TRX (1,000,000 sun)");
    }
    if (!RESOURCES.contains(resource)) {
      throw new IllegalArgumentException("resource must be ENERGY or BANDWIDTH");
    }
  }
}
