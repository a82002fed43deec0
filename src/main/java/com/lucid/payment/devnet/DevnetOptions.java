package com.lucid.payment.devnet;

import java.util.ArrayList;
import java.util.List;

/**
 * Configuration of a devnet node.
 *
 * @param host interface to bind (loopback by default)
 * @param port HTTP port; 0 picks an ephemeral one
 * @param blockMs block interval
 * @param solidificationDepth blocks between head and the solidified block (19 on TRON)
 * @param fundedAccounts accounts created at genesis
 * @param energyFeeSun sun burnt per unit of energy (getEnergyFee)
 * @param maxFeeLimitSun upper bound of fee_limit (getMaxFeeLimit)
 * @param txExpirationMs expiration window of node-built transactions, from head block time
 * @param maxTransactionsPerBlock pool entries included per block at most
 * @param controlEnabled whether /devnet/control (fault injection, funding) is served
 * @param energyPerStakedTrx energy a day per TRX staked for ENERGY (a fixed ratio; TRON's varies)
 */
public record DevnetOptions(
    String host,
    int port,
    long blockMs,
    int solidificationDepth,
    List<FundedAccount> fundedAccounts,
    long energyFeeSun,
    long maxFeeLimitSun,
    long txExpirationMs,
    int maxTransactionsPerBlock,
    boolean controlEnabled,
    long energyPerStakedTrx) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final long DEFAULT_BLOCK_MS = 3_000;
  public static final int DEFAULT_SOLIDIFICATION_DEPTH = 19;
  public static final long DEFAULT_ENERGY_FEE_SUN = 100;
  public static final long DEFAULT_MAX_FEE_LIMIT_SUN = 15_000_000_000L;
  public static final long DEFAULT_TX_EXPIRATION_MS = 60_000;
  public static final int DEFAULT_MAX_TRANSACTIONS_PER_BLOCK = 5_000;
  public static final long DEFAULT_ENERGY_PER_STAKED_TRX = 10;

  public DevnetOptions {
    if (host == null || host.isBlank() || fundedAccounts == null) {
      throw new IllegalArgumentException("host and funded accounts are required");
    }
    fundedAccounts = List.copyOf(fundedAccounts);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535");
    }
    if (blockMs < 1 || solidificationDepth < 0 || energyFeeSun < 1 || maxFeeLimitSun < 0
        || txExpirationMs < 1 || maxTransactionsPerBlock < 1 || energyPerStakedTrx < 0) {
      throw new IllegalArgumentException("devnet options out of range");
    }
  }

  /** Loopback, ephemeral port, TRON's timings and fees, no funded accounts, control off. */
  public static DevnetOptions defaults() {
    return new DevnetOptions(DEFAULT_HOST, 0, DEFAULT_BLOCK_MS, DEFAULT_SOLIDIFICATION_DEPTH,
        List.of(), DEFAULT_ENERGY_FEE_SUN, DEFAULT_MAX_FEE_LIMIT_SUN, DEFAULT_TX_EXPIRATION_MS,
        DEFAULT_MAX_TRANSACTIONS_PER_BLOCK, false, DEFAULT_ENERGY_PER_STAKED_TRX);
  }

  public DevnetOptions withHost(String value) {
    return new DevnetOptions(value, port, blockMs, solidificationDepth, fundedAccounts,
        energyFeeSun, maxFeeLimitSun, txExpirationMs, maxTransactionsPerBlock, controlEnabled,
        energyPerStakedTrx);
  }

  public DevnetOptions withPort(int value) {
    return new DevnetOptions(host, value, blockMs, solidificationDepth, fundedAccounts,
        energyFeeSun, maxFeeLimitSun, txExpirationMs, maxTransactionsPerBlock, controlEnabled,
        energyPerStakedTrx);
  }

  public DevnetOptions withBlockMs(long value) {
    return new DevnetOptions(host, port, value, solidificationDepth, fundedAccounts,
        energyFeeSun, maxFeeLimitSun, txExpirationMs, maxTransactionsPerBlock, controlEnabled,
        energyPerStakedTrx);
  }

  public DevnetOptions withControl(boolean value) {
    return new DevnetOptions(host, port, blockMs, solidificationDepth, fundedAccounts,
        energyFeeSun, maxFeeLimitSun, txExpirationMs, maxTransactionsPerBlock, value,
        energyPerStakedTrx);
  }

  public DevnetOptions withEnergyFeeSun(long value) {
    return new DevnetOptions(host, port, blockMs, solidificationDepth, fundedAccounts,
        value, maxFeeLimitSun, txExpirationMs, maxTransactionsPerBlock, controlEnabled,
        energyPerStakedTrx);
  }

  public DevnetOptions withMaxTransactionsPerBlock(int value) {
    return new DevnetOptions(host, port, blockMs, solidificationDepth, fundedAccounts,
        energyFeeSun, maxFeeLimitSun, txExpirationMs, value, controlEnabled, energyPerStakedTrx);
  }

  /** Adds an account funded at genesis. */
  public DevnetOptions withFunded(String address, long trxSun, long usdtUnits) {
    List<FundedAccount> accounts = new ArrayList<>(fundedAccounts);
    accounts.add(new FundedAccount(address, trxSun, usdtUnits));
    return new DevnetOptions(host, port, blockMs, solidificationDepth, accounts,
        energyFeeSun, maxFeeLimitSun, txExpirationMs, maxTransactionsPerBlock, controlEnabled,
        energyPerStakedTrx);
  }
}
