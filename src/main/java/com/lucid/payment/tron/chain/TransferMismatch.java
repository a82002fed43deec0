package com.lucid.payment.tron.chain;

/** One way a transaction differs from the payout it is supposed to make. */
public record TransferMismatch(Field field, String detail) {

  /** The checked parts of a TRC20 transfer transaction. */
  public enum Field {
    /** raw_data does not parse, or is not in the canonical encoding the node would hash. */
    RAW_DATA,
    CONTRACT_COUNT,
    CONTRACT_TYPE,
    TYPE_URL,
    PERMISSION_ID,
    OWNER,
    CONTRACT,
    /** Call data is not exactly 68 bytes (selector + two words). */
    DATA_LENGTH,
    SELECTOR,
    RECIPIENT,
    AMOUNT,
    CALL_VALUE,
    CALL_TOKEN_VALUE,
    TOKEN_ID,
    FEE_LIMIT,
    EXPIRATION,
    REF_BLOCK,
    /** Memo, auths, scripts, provider, contract name or unknown fields are present. */
    EXTRA_FIELDS,
    /** The signature does not recover to the owner. */
    SIGNATURE
  }

  @Override
  public String toString() {
    return field + ": " + detail;
  }
}
