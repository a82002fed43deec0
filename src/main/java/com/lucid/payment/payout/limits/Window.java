package com.lucid.payment.payout.limits;

/**
 * One limit counter: its store id (the limit and its UTC day or hour), its cap in USDT base units, and the name
 * clients see when it is exhausted.
 */
public record Window(String key, long cap, String name) {}
