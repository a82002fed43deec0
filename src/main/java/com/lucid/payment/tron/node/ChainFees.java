package com.lucid.payment.tron.node;

import com.lucid.payment.tron.chain.ChainDataException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The chain parameters a transfer is priced and bounded by (getchainparameters).
 *
 * @param energyFeeSun getEnergyFee: sun burnt per energy unit, > 0
 * @param maxFeeLimitSun getMaxFeeLimit: the highest fee_limit a node accepts at broadcast; 0 when the chain does not
 *     say (no such parameter, or 0, which protobuf JSON prints as a key without a value)
 */
public record ChainFees(long energyFeeSun, long maxFeeLimitSun) {

  /** Reads the answer; a chain without a positive getEnergyFee cannot price a transfer. */
  static ChainFees parse(JsonObject body) {
    long energyFee = 0;
    long maxFeeLimit = 0;
    for (Object o : body.getJsonArray("chainParameter", new JsonArray())) {
      if (o instanceof JsonObject p && p.getValue("value") instanceof Number value) {
        if ("getEnergyFee".equals(p.getString("key"))) {
          energyFee = value.longValue();
        } else if ("getMaxFeeLimit".equals(p.getString("key"))) {
          maxFeeLimit = Math.max(0, value.longValue());
        }
      }
    }
    if (energyFee <= 0) {
      throw new ChainDataException("getchainparameters has no positive getEnergyFee");
    }
    return new ChainFees(energyFee, maxFeeLimit);
  }

  /** The configured cap, or the chain's maximum when that is lower: a fee_limit above it is refused at broadcast. */
  public long capOf(long configuredCapSun) {
    return maxFeeLimitSun > 0 ? Math.min(configuredCapSun, maxFeeLimitSun) : configuredCapSun;
  }
}
