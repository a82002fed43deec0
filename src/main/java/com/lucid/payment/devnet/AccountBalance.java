package com.lucid.payment.devnet;

/** An address's balances at the head block: TRX in sun, USDT in base units. */
public record AccountBalance(String address, long trxSun, long usdtUnits) {}
