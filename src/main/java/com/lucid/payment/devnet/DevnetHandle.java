package com.lucid.payment.devnet;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/** A running devnet, for the code that started it: where it listens, and test control in-process. */
public interface DevnetHandle {
  /** The USDT TRC20 contract of every devnet, base58: for clients of a standalone devnet. */
  String USDT_CONTRACT = UsdtToken.ADDRESS.base58();

  /**
   * http://host:port, the full node HTTP API root (append /wallet/…; and /walletsolidity/… unless
   * the solidity API has its own port), and of the control API.
   */
  String baseUrl();

  /** http://host:port of the solidity API (append /walletsolidity/…): {@link #baseUrl} unless separate. */
  String solidityUrl();

  /** The USDT TRC20 contract, base58; the same in every devnet process. */
  String usdtContract();

  /** Stops block production and the HTTP server. */
  Future<Void> close();

  /** Mints TRX (sun) and/or USDT (base units) to an address (base58 or hex), activating it for TRX. */
  void fund(String address, long trxSun, long usdtUnits);

  /** Balances at the head block. */
  AccountBalance balance(String address);

  /** Every address with an account or a USDT balance. */
  List<AccountBalance> balances();

  /** Every successful USDT transfer, in chain order. */
  List<UsdtTransfer> transfers();

  long headBlockNumber();

  long solidifiedBlockNumber();

  /** Produces blocks now, regardless of the timer (and of a PAUSE_BLOCKS fault). */
  void produceBlocks(int count);

  /** Injects a fault; returns its id. */
  String injectFault(DevnetFault fault);

  boolean clearFault(String id);

  /** Clears every fault; returns how many there were. */
  int clearFaults();

  /** Faults in force by id, with the uses left in `times`. */
  Map<String, DevnetFault> faults();

  /** The last requests received (up to 10,000), oldest first: remote host and path. */
  List<SeenRequest> requests();
}
