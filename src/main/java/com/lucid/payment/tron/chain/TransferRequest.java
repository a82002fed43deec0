package com.lucid.payment.tron.chain;

import java.util.Locale;
import java.util.Objects;

/**
 * Everything needed to build one USDT transfer transaction locally.
 *
 * @param amount token base units (1 USDT = 1,000,000), > 0
 * @param feeLimitSun most TRX (in sun) the transaction may burn for energy, > 0
 * @param refBlockNumber TaPoS reference block number
 * @param refBlockId that block's 32-byte id as 64 hex characters
 * @param expirationMs deadline after which the chain will never include it (ms since epoch)
 * @param timestampMs creation time (ms); varies the txid of otherwise identical payouts
 */
public record TransferRequest(
    TronAddress owner,
    TronAddress usdtContract,
    TronAddress recipient,
    long amount,
    long feeLimitSun,
    long refBlockNumber,
    String refBlockId,
    long expirationMs,
    long timestampMs) {

  public TransferRequest {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(usdtContract, "usdtContract");
    Objects.requireNonNull(recipient, "recipient");
    if (amount <= 0) {
      throw new IllegalArgumentException("amount must be > 0 base units");
    }
    if (feeLimitSun <= 0) {
      throw new IllegalArgumentException("fee limit must be > 0 sun");
    }
    if (refBlockNumber < 0) {
      throw new IllegalArgumentException("reference block number must be >= 0");
    }
    if (!Hex.isHex(refBlockId, 64)) {
      throw new IllegalArgumentException("reference block id must be 64 hex characters");
    }
    refBlockId = refBlockId.toLowerCase(Locale.ROOT);
    if (timestampMs <= 0 || expirationMs <= timestampMs) {
      throw new IllegalArgumentException("expiration must be after a positive timestamp");
    }
    if (recipient.equals(owner) || recipient.equals(usdtContract)) {
      throw new IllegalArgumentException("recipient must be neither the owner nor the token contract");
    }
  }
}
