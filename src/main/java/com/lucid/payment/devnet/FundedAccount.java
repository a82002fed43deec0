package com.lucid.payment.devnet;

/** An account the devnet creates at genesis: TRX in sun and USDT in base units (6 decimals). */
public record FundedAccount(String address, long trxSun, long usdtUnits) {
  public FundedAccount {
    TronAddress.parseAny(address);
    if (trxSun < 0 || usdtUnits < 0) {
      throw new IllegalArgumentException("funded amounts must not be negative");
    }
  }
}
