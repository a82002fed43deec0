package com.lucid.payment.tron.node;

import io.vertx.core.json.JsonObject;

/** getaccountresource: the account's energy and bandwidth (missing keys are 0). */
public record AccountResources(
    long energyLimit, long energyUsed, long freeNetLimit, long freeNetUsed, long netLimit, long netUsed) {

  static AccountResources parse(JsonObject r) {
    return new AccountResources(r.getLong("EnergyLimit", 0L), r.getLong("EnergyUsed", 0L),
        r.getLong("freeNetLimit", 0L), r.getLong("freeNetUsed", 0L), r.getLong("NetLimit", 0L),
        r.getLong("NetUsed", 0L));
  }

  public long energyAvailable() {
    return Math.max(0, energyLimit - energyUsed);
  }

  /** Free daily bandwidth left plus staked bandwidth left. */
  public long bandwidthAvailable() {
    return Math.addExact(Math.max(0, freeNetLimit - freeNetUsed), Math.max(0, netLimit - netUsed));
  }

  public long bandwidthLimit() {
    return Math.addExact(freeNetLimit, netLimit);
  }
}
