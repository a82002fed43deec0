package com.lucid.payment.devnet;

/** A node's answer to a broadcast, with java-tron's UTF-8 message (empty on success). */
record BroadcastResult(String txid, ReturnCode code, String message) {

  static BroadcastResult accepted(String txid) {
    return new BroadcastResult(txid, ReturnCode.SUCCESS, "");
  }

  static BroadcastResult sigError(String txid, String detail) {
    return new BroadcastResult(txid, ReturnCode.SIGERROR, "Validate signature error: " + detail);
  }

  static BroadcastResult contractValidate(String txid, String detail) {
    return new BroadcastResult(txid, ReturnCode.CONTRACT_VALIDATE_ERROR,
        "Contract validate error : " + detail);
  }

  static BroadcastResult bandwidth(String txid) {
    return new BroadcastResult(txid, ReturnCode.BANDWITH_ERROR,
        "Account resource insufficient error.");
  }

  static BroadcastResult duplicate(String txid) {
    return new BroadcastResult(txid, ReturnCode.DUP_TRANSACTION_ERROR, "Dup transaction.");
  }

  static BroadcastResult tapos(String txid) {
    return new BroadcastResult(txid, ReturnCode.TAPOS_ERROR, "Tapos check error.");
  }

  static BroadcastResult expired(String txid) {
    return new BroadcastResult(txid, ReturnCode.TRANSACTION_EXPIRATION_ERROR,
        "Transaction expired");
  }

  static BroadcastResult busy(String txid) {
    return new BroadcastResult(txid, ReturnCode.SERVER_BUSY, "Server busy.");
  }

  static BroadcastResult other(String txid, String detail) {
    return new BroadcastResult(txid, ReturnCode.OTHER_ERROR, "Error: " + detail);
  }

  boolean ok() {
    return code == ReturnCode.SUCCESS;
  }
}
