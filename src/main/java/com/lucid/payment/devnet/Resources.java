package com.lucid.payment.devnet;

import org.tron.trident.proto.Chain.Transaction;

/**
 * TRON's bandwidth and energy rules, simplified where TRON depends on the whole network: staked
 * TRX yields a fixed amount of energy ({@link DevnetOptions#energyPerStakedTrx()}) and
 * bandwidth ({@link #BANDWIDTH_PER_STAKED_TRX}) a day instead of a share of a global pool.
 */
final class Resources {
  static final long SUN_PER_TRX = 1_000_000;
  static final long FREE_NET_PER_DAY = 600;
  static final long SUN_PER_BANDWIDTH_BYTE = 1_000;
  static final long BANDWIDTH_PER_STAKED_TRX = 1;
  static final long TOTAL_NET_LIMIT = 43_200_000_000L;
  static final long TOTAL_ENERGY_LIMIT = 180_000_000_000L;
  /** java-tron's MAX_RESULT_SIZE_IN_TX: bandwidth reserved for the result of each contract. */
  static final long RESULT_BYTES = 64;

  private final long energyFee;
  private final long energyPerTrx;

  Resources(long energyFee, long energyPerTrx) {
    this.energyFee = energyFee;
    this.energyPerTrx = energyPerTrx;
  }

  long energyLimit(Account account) {
    return Math.multiplyExact(account.frozenForEnergy() / SUN_PER_TRX, energyPerTrx);
  }

  long netLimit(Account account) {
    return Math.multiplyExact(account.frozenForBandwidth() / SUN_PER_TRX, BANDWIDTH_PER_STAKED_TRX);
  }

  long energyLeft(Account account, long now) {
    return Math.max(0, energyLimit(account) - account.energy().at(now));
  }

  /** The network weights that make TotalEnergyLimit / TotalEnergyWeight equal our ratio. */
  long totalEnergyWeight() {
    return energyPerTrx == 0 ? 0 : TOTAL_ENERGY_LIMIT / energyPerTrx;
  }

  long totalNetWeight() {
    return TOTAL_NET_LIMIT / BANDWIDTH_PER_STAKED_TRX;
  }

  /** Bandwidth a transaction costs: its bytes without results, plus the reserved result bytes. */
  static long bandwidthBytes(Transaction tx) {
    long bytes = tx.toBuilder().clearRet().build().getSerializedSize();
    return bytes + RESULT_BYTES * tx.getRawData().getContractCount();
  }

  /** Staked bandwidth first, then the free daily allowance, then burnt TRX; null if none covers it. */
  BandwidthBill billBandwidth(Account account, long bytes, long now) {
    if (netLimit(account) - account.net().at(now) >= bytes) {
      return new BandwidthBill(account.withNet(account.net().consume(bytes, now)), bytes, 0);
    }
    if (FREE_NET_PER_DAY - account.freeNet().at(now) >= bytes) {
      return new BandwidthBill(account.withFreeNet(account.freeNet().consume(bytes, now)), bytes,
          0);
    }
    long fee = Math.multiplyExact(bytes, SUN_PER_BANDWIDTH_BYTE);
    return account.balance() >= fee ? new BandwidthBill(account.debit(fee), 0, fee) : null;
  }

  /**
   * Energy the VM lets a call use, as java-tron caps it: what the caller can pay (staked energy
   * left plus balance at the energy fee) and never more than fee_limit buys.
   */
  long energyAvailable(Account caller, long feeLimit, long callValue, long now) {
    long fromBalance = Math.max(caller.balance() - callValue, 0) / energyFee;
    long affordable = Math.addExact(energyLeft(caller, now), fromBalance);
    return Math.min(affordable, feeLimit / energyFee);
  }

  /** Staked energy first, the rest burnt at the energy fee. */
  EnergyBill billEnergy(Account account, long energy, long now) {
    long fromStake = Math.min(energy, energyLeft(account, now));
    long fee = Math.multiplyExact(energy - fromStake, energyFee);
    Account after = account.withEnergy(account.energy().consume(fromStake, now)).debit(fee);
    return new EnergyBill(after, fromStake, fee);
  }

  record BandwidthBill(Account after, long netUsage, long netFee) {}

  record EnergyBill(Account after, long fromStake, long fee) {}
}
