package com.lucid.payment.tron.api;

import java.util.Objects;

/**
 * One signed attempt of a payout: persist it, then broadcast exactly {@code transactionHex} (as often as needed).
 *
 * @param txid sha256 of raw_data, 64 hex
 * @param transactionHex the whole signed protocol.Transaction: the body of /wallet/broadcasthex
 * @param expirationMs after this time on the solidified chain the transaction can never be included
 * @param refBlockNumber the TaPoS reference (a solidified block)
 * @param signedAtMs wall clock when it was signed (also the transaction's timestamp)
 * @param seal the TRON client's seal over payout id, attempt number, txid, expiration and reference block
 */
public record SignedAttempt(
    String payoutId,
    int attempt,
    String txid,
    String transactionHex,
    long expirationMs,
    long feeLimitSun,
    long refBlockNumber,
    long signedAtMs,
    String seal) {

  public SignedAttempt {
    Objects.requireNonNull(payoutId, "payoutId");
    Objects.requireNonNull(txid, "txid");
    Objects.requireNonNull(transactionHex, "transactionHex");
  }
}
