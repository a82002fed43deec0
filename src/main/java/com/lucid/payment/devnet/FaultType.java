package com.lucid.payment.devnet;

/** Faults the devnet's control API can inject, each with the path prefix it applies to by default. */
public enum FaultType {
  /** Broadcasts answer result:true but the transaction is discarded. */
  DROP_BROADCAST("/wallet/broadcast"),
  /** Broadcasts are processed and answered only after delay_ms. */
  DELAY_BROADCAST("/wallet/broadcast"),
  /** Matching requests answer with HTTP `status` (500 or 503 …) instead of the node's reply. */
  HTTP_ERROR("/"),
  /** Broadcasts answer {"result":false,"code":"SERVER_BUSY"} without being processed. */
  SERVER_BUSY("/wallet/broadcast"),
  /** Matching requests are never answered, or answered only after delay_ms. */
  TIMEOUT("/"),
  /** Block production stops (for `times` block slots, or until cleared). */
  PAUSE_BLOCKS(""),
  /** Broadcasts are accepted and pooled (duplicates are detected) but never included. */
  NEVER_INCLUDE("/wallet/broadcast"),
  /** /wallet/gettransactioninfobyid reports unknown and failed transactions as SUCCESS. */
  LIE_TX_INFO("/wallet/gettransactioninfobyid"),
  /**
   * triggerconstantcontract and estimateenergy (/wallet and /walletsolidity) answer java-tron's
   * OutOfTimeException, as a node does when a call exceeds its CPU time (getMaxCpuTimeOfOneTx).
   */
  CPU_TIMEOUT("/wallet");

  private final String defaultPath;

  FaultType(String defaultPath) {
    this.defaultPath = defaultPath;
  }

  public String defaultPath() {
    return defaultPath;
  }
}
