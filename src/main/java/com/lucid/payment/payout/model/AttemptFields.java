package com.lucid.payment.payout.model;

/** The field names of one stored attempt, inside a payout's {@code attempts}. */
public final class AttemptFields {
  /** The attempt's number, from 1; sealed. */
  public static final String N = "n";
  public static final String TXID = "txid";
  public static final String TX_HEX = "tx_hex";
  public static final String EXPIRATION_MS = "expiration_ms";
  public static final String FEE_LIMIT_SUN = "fee_limit_sun";
  public static final String FEE_LIMIT_PERCENT = "fee_limit_percent";
  public static final String REF_BLOCK = "ref_block";
  public static final String SIGNED_AT = "signed_at";
  public static final String SEAL = "seal";
  public static final String BROADCASTS = "broadcasts";
  public static final String LAST_BROADCAST_AT = "last_broadcast_at";
  public static final String LAST_OUTCOME = "last_outcome";
  public static final String LAST_CODE = "last_code";
  public static final String FATE = "fate";
  public static final String RESULT = "result";
  public static final String MESSAGE = "message";
  public static final String FEE_SUN = "fee_sun";

  private AttemptFields() {}
}
