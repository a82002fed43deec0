package com.lucid.payment.tron.api;

import com.lucid.payment.tron.chain.TronAddress;
import java.util.Objects;

/** Asks what became of a signed attempt: the txid, its expiration, and the transfer it must have made. */
public record FateQuery(String txid, long expirationMs, TronAddress recipient, long amount) {

  public FateQuery {
    Objects.requireNonNull(txid, "txid");
    Objects.requireNonNull(recipient, "recipient");
    if (amount <= 0) {
      throw new IllegalArgumentException("amount must be > 0 base units");
    }
  }

  public static FateQuery of(SignedAttempt attempt, TronAddress recipient, long amount) {
    return new FateQuery(attempt.txid(), attempt.expirationMs(), recipient, amount);
  }
}
