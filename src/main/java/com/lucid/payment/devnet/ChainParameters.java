package com.lucid.payment.devnet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * /wallet/getchainparameters: the 73 parameters java-tron v4.8.0 prints, in its order; mainnet's
 * values where the devnet models them, the fees and limits the devnet is configured with, and 0
 * (printed without a value) for features it does not have (dynamic energy: it prices energy flat;
 * shielded transactions, the market, PBFT).
 */
final class ChainParameters {
  /** java-tron's target energy use is the daily limit over this (its answer: 50e9 / 14,400 = 3,472,222). */
  private static final long TARGET_DIVISOR = 14_400L;

  private ChainParameters() {}

  static Map<String, Long> of(DevnetOptions options) {
    Map<String, Long> p = new LinkedHashMap<>();
    p.put("getMaintenanceTimeInterval", 21_600_000L);
    p.put("getAccountUpgradeCost", 9_999_000_000L);
    p.put("getCreateAccountFee", 100_000L);
    p.put("getTransactionFee", Resources.SUN_PER_BANDWIDTH_BYTE);
    p.put("getAssetIssueFee", 1_024_000_000L);
    p.put("getWitnessPayPerBlock", 8_000_000L);
    p.put("getWitnessStandbyAllowance", 115_200_000_000L);
    p.put("getCreateNewAccountFeeInSystemContract", 1_000_000L);
    p.put("getCreateNewAccountBandwidthRate", 1L);
    p.put("getAllowCreationOfContracts", 1L);
    p.put("getRemoveThePowerOfTheGr", -1L);
    p.put("getEnergyFee", options.energyFeeSun());
    p.put("getExchangeCreateFee", 1_024_000_000L);
    p.put("getMaxCpuTimeOfOneTx", 80L);
    p.put("getAllowUpdateAccountName", 0L);
    p.put("getAllowSameTokenName", 1L);
    p.put("getAllowDelegateResource", 1L);
    p.put("getTotalEnergyLimit", Resources.TOTAL_ENERGY_LIMIT);
    p.put("getAllowTvmTransferTrc10", 1L);
    p.put("getTotalEnergyCurrentLimit", Resources.TOTAL_ENERGY_LIMIT);
    p.put("getAllowMultiSign", 1L);
    p.put("getAllowAdaptiveEnergy", 0L);
    p.put("getTotalEnergyTargetLimit", Resources.TOTAL_ENERGY_LIMIT / TARGET_DIVISOR);
    p.put("getTotalEnergyAverageUsage", 0L);
    p.put("getUpdateAccountPermissionFee", 100_000_000L);
    p.put("getMultiSignFee", 1_000_000L);
    p.put("getAllowAccountStateRoot", 0L);
    p.put("getAllowProtoFilterNum", 0L);
    p.put("getAllowTvmConstantinople", 1L);
    p.put("getAllowTvmSolidity059", 1L);
    p.put("getAllowTvmIstanbul", 1L);
    p.put("getAllowShieldedTRC20Transaction", 0L);
    p.put("getForbidTransferToContract", 0L);
    p.put("getAdaptiveResourceLimitTargetRatio", 10L);
    p.put("getAdaptiveResourceLimitMultiplier", 1_000L);
    p.put("getChangeDelegation", 1L);
    p.put("getWitness127PayPerBlock", 16_000_000L);
    p.put("getAllowMarketTransaction", 0L);
    p.put("getMarketSellFee", 0L);
    p.put("getMarketCancelFee", 0L);
    p.put("getAllowPBFT", 0L);
    p.put("getAllowTransactionFeePool", 1L);
    p.put("getMaxFeeLimit", options.maxFeeLimitSun());
    p.put("getAllowOptimizeBlackHole", 1L);
    p.put("getAllowNewResourceModel", 1L);
    p.put("getAllowTvmFreeze", 1L);
    p.put("getAllowTvmVote", 1L);
    p.put("getAllowTvmLondon", 1L);
    p.put("getAllowTvmCompatibleEvm", 1L);
    p.put("getAllowAccountAssetOptimization", 0L);
    p.put("getFreeNetLimit", Resources.FREE_NET_PER_DAY);
    p.put("getTotalNetLimit", Resources.TOTAL_NET_LIMIT);
    p.put("getAllowHigherLimitForMaxCpuTimeOfOneTx", 1L);
    p.put("getAllowAssetOptimization", 1L);
    p.put("getAllowNewReward", 1L);
    p.put("getMemoFee", 1_000_000L);
    p.put("getAllowDelegateOptimization", 1L);
    p.put("getUnfreezeDelayDays", 14L);
    p.put("getAllowOptimizedReturnValueOfChainId", 1L);
    p.put("getAllowDynamicEnergy", 0L);
    p.put("getDynamicEnergyThreshold", 5_000_000_000L);
    p.put("getDynamicEnergyIncreaseFactor", 2_000L);
    p.put("getDynamicEnergyMaxFactor", 34_000L);
    p.put("getAllowTvmShangHai", 1L);
    p.put("getAllowCancelAllUnfreezeV2", 1L);
    p.put("getMaxDelegateLockPeriod", 864_000L);
    p.put("getAllowOldRewardOpt", 1L);
    p.put("getAllowEnergyAdjustment", 1L);
    p.put("getMaxCreateAccountTxSize", 1_000L);
    p.put("getAllowStrictMath", 1L);
    p.put("getConsensusLogicOptimization", 1L);
    p.put("getAllowTvmCancun", 1L);
    p.put("getAllowTvmBlob", 0L);
    return p;
  }

  /** {"chainParameter":[{"key":…,"value":…}]}; a zero value is omitted, as protobuf JSON does. */
  static JsonObject json(DevnetOptions options) {
    JsonArray entries = new JsonArray();
    of(options).forEach((key, value) -> {
      JsonObject entry = new JsonObject().put("key", key);
      if (value != 0) {
        entry.put("value", value);
      }
      entries.add(entry);
    });
    return new JsonObject().put("chainParameter", entries);
  }
}
