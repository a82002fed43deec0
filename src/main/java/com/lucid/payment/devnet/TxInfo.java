package com.lucid.payment.devnet;

import java.util.List;
import org.tron.trident.proto.Chain.Transaction.Result.contractResult;

/**
 * What /wallet/gettransactioninfobyid reports for an included transaction.
 *
 * @param contractResult return or revert data of a contract call; null for system contracts
 * @param contractAddress the called contract; null for system contracts
 * @param resMessage why it failed; null when it succeeded
 */
record TxInfo(
    String id,
    long blockNumber,
    long blockTime,
    Receipt receipt,
    byte[] contractResult,
    TronAddress contractAddress,
    List<UsdtToken.EventLog> logs,
    String resMessage) {

  TxInfo {
    logs = List.copyOf(logs);
  }

  boolean failed() {
    return resMessage != null;
  }

  /** Total sun burnt. */
  long fee() {
    return Math.addExact(receipt.energyFee(), receipt.netFee());
  }

  /**
   * Resources a transaction consumed.
   *
   * @param energyUsage energy taken from staked energy
   * @param energyFee sun burnt for energy
   * @param netUsage bandwidth bytes taken from staked or free bandwidth
   * @param netFee sun burnt for bandwidth
   * @param result VM outcome; null for system contracts
   */
  record Receipt(
      long energyUsage,
      long energyFee,
      long energyUsageTotal,
      long netUsage,
      long netFee,
      contractResult result) {}
}
