package com.lucid.payment.tron.api;

/** A staking transaction a node accepted (or already knew). */
public record StakeResult(String txid) {}
