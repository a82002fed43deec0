package com.lucid.payment.devnet;

/** A successful on-chain USDT transfer, as the devnet's journal records it (base58 addresses). */
public record UsdtTransfer(String txid, String from, String to, long amount, long blockNumber) {}
