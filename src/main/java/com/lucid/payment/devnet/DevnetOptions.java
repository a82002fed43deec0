package com.lucid.payment.devnet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Configuration of a devnet node.
 *
 * @param host interface to bind (loopback by default)
 * @param port HTTP port of the full-node API (and of the solidity API unless it has its own); 0 picks one
 * @param blockMs block interval
 * @param solidificationDepth blocks between head and the solidified block (19 on TRON)
 * @param fundedAccounts accounts created at genesis
 * @param energyFeeSun sun burnt per unit of energy (getEnergyFee)
 * @param maxFeeLimitSun upper bound of fee_limit (getMaxFeeLimit), refused above it at broadcast
 * @param txExpirationMs expiration window of node-built transactions, from head block time
 * @param maxTransactionsPerBlock pool entries included per block at most
 * @param controlEnabled whether /devnet/control (fault injection, funding) is served
 * @param energyPerStakedTrx energy a day per TRX staked for ENERGY (a fixed ratio; TRON's varies)
 * @param solidityPort {@link #SAME_PORT}: /walletsolidity is served beside /wallet, as a gateway such as TronGrid
 *     does; otherwise the port of a second server that serves only /walletsolidity (0 picks one), java-tron's layout
 *     (8090 and 8091), each port answering the other's paths with java-tron's 405 HTML page
 * @param pendingState whether /wallet reads show what was broadcast and is not yet in a block, as java-tron does
 * @param estimateEnergy whether /wallet/estimateenergy estimates (java-tron's vm.estimateEnergy, false by default
 *     there); when off it answers java-tron's "this node does not support estimate energy"
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
    long energyPerStakedTrx,
    int solidityPort,
    boolean pendingState,
    boolean estimateEnergy) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final long DEFAULT_BLOCK_MS = 3_000;
  public static final int DEFAULT_SOLIDIFICATION_DEPTH = 19;
  public static final long DEFAULT_ENERGY_FEE_SUN = 100;
  /** Mainnet's getMaxFeeLimit (15,000 TRX); a fresh java-tron private chain has 1,000 TRX. */
  public static final long DEFAULT_MAX_FEE_LIMIT_SUN = 15_000_000_000L;
  public static final long DEFAULT_TX_EXPIRATION_MS = 60_000;
  public static final int DEFAULT_MAX_TRANSACTIONS_PER_BLOCK = 5_000;
  public static final long DEFAULT_ENERGY_PER_STAKED_TRX = 10;
  /** solidityPort: no second server. */
  public static final int SAME_PORT = -1;

  public DevnetOptions {
    if (host == null || host.isBlank() || fundedAccounts == null) {
      throw new IllegalArgumentException("host and funded accounts are required");
    }
    fundedAccounts = List.copyOf(fundedAccounts);
    if (port < 0 || port > 65_535 || solidityPort < SAME_PORT || solidityPort > 65_535) {
      throw new IllegalArgumentException("ports must be 0..65535");
    }
    if (blockMs < 1 || solidificationDepth < 0 || energyFeeSun < 1 || maxFeeLimitSun < 0
        || txExpirationMs < 1 || maxTransactionsPerBlock < 1 || energyPerStakedTrx < 0) {
      throw new IllegalArgumentException("devnet options out of range");
    }
  }

  /**
   * Loopback, ephemeral port, TRON's timings and fees, no funded accounts, control off; one port, pending state and
   * estimateenergy on (what TronGrid shows).
   */
  public static DevnetOptions defaults() {
    return new DevnetOptions(DEFAULT_HOST, 0, DEFAULT_BLOCK_MS, DEFAULT_SOLIDIFICATION_DEPTH,
        List.of(), DEFAULT_ENERGY_FEE_SUN, DEFAULT_MAX_FEE_LIMIT_SUN, DEFAULT_TX_EXPIRATION_MS,
        DEFAULT_MAX_TRANSACTIONS_PER_BLOCK, false, DEFAULT_ENERGY_PER_STAKED_TRX, SAME_PORT, true, true);
  }

  public DevnetOptions withHost(String value) {
    return with(b -> b.host = value);
  }

  public DevnetOptions withPort(int value) {
    return with(b -> b.port = value);
  }

  public DevnetOptions withBlockMs(long value) {
    return with(b -> b.blockMs = value);
  }

  public DevnetOptions withControl(boolean value) {
    return with(b -> b.controlEnabled = value);
  }

  public DevnetOptions withEnergyFeeSun(long value) {
    return with(b -> b.energyFeeSun = value);
  }

  public DevnetOptions withMaxFeeLimitSun(long value) {
    return with(b -> b.maxFeeLimitSun = value);
  }

  public DevnetOptions withMaxTransactionsPerBlock(int value) {
    return with(b -> b.maxTransactionsPerBlock = value);
  }

  /** {@link #SAME_PORT}, or the port of a separate solidity API server (0 picks one). */
  public DevnetOptions withSolidityPort(int value) {
    return with(b -> b.solidityPort = value);
  }

  public DevnetOptions withPendingState(boolean value) {
    return with(b -> b.pendingState = value);
  }

  public DevnetOptions withEstimateEnergy(boolean value) {
    return with(b -> b.estimateEnergy = value);
  }

  /** Adds an account funded at genesis. */
  public DevnetOptions withFunded(String address, long trxSun, long usdtUnits) {
    return with(b -> b.fundedAccounts.add(new FundedAccount(address, trxSun, usdtUnits)));
  }

  public boolean separateSolidityPort() {
    return solidityPort != SAME_PORT;
  }

  private DevnetOptions with(Consumer<Builder> change) {
    Builder b = new Builder(this);
    change.accept(b);
    return new DevnetOptions(b.host, b.port, b.blockMs, solidificationDepth, b.fundedAccounts, b.energyFeeSun,
        b.maxFeeLimitSun, txExpirationMs, b.maxTransactionsPerBlock, b.controlEnabled, energyPerStakedTrx,
        b.solidityPort, b.pendingState, b.estimateEnergy);
  }

  /** The fields a wither may change, copied from the options it starts from. */
  private static final class Builder {
    String host;
    int port;
    long blockMs;
    List<FundedAccount> fundedAccounts;
    long energyFeeSun;
    long maxFeeLimitSun;
    int maxTransactionsPerBlock;
    boolean controlEnabled;
    int solidityPort;
    boolean pendingState;
    boolean estimateEnergy;

    Builder(DevnetOptions o) {
      host = o.host;
      port = o.port;
      blockMs = o.blockMs;
      fundedAccounts = new ArrayList<>(o.fundedAccounts);
      energyFeeSun = o.energyFeeSun;
      maxFeeLimitSun = o.maxFeeLimitSun;
      maxTransactionsPerBlock = o.maxTransactionsPerBlock;
      controlEnabled = o.controlEnabled;
      solidityPort = o.solidityPort;
      pendingState = o.pendingState;
      estimateEnergy = o.estimateEnergy;
    }
  }
}
