package com.lucid.payment.devnet;

import org.tron.trident.proto.Chain.Transaction;

/** A transaction in a block: the signed transaction with its result code, and its info. */
record ChainTx(String txid, Transaction transaction, TxInfo info) {}
