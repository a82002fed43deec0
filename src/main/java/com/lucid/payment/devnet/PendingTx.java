package com.lucid.payment.devnet;

import org.tron.trident.proto.Chain.Transaction;

/** A transaction accepted into the pool, waiting for a block. */
record PendingTx(String txid, Transaction transaction, Action action) {

  long expiration() {
    return transaction.getRawData().getExpiration();
  }

  long feeLimit() {
    return transaction.getRawData().getFeeLimit();
  }
}
