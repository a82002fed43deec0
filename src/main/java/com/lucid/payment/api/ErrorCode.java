package com.lucid.payment.api;

/** Every error code a client can see, with its HTTP status: the brief's codes, then this service's extensions. */
public enum ErrorCode {
  UNAUTHENTICATED("LUCID_ERR_1001", 401),
  INVALID_ADDRESS("LUCID_ERR_2001", 400),
  LIMIT_EXCEEDED("LUCID_ERR_2002", 400),
  CIRCUIT_OPEN("LUCID_ERR_2003", 400),
  INVALID_ROUTER("LUCID_ERR_2004", 400),
  NOT_FOUND("LUCID_ERR_2005", 404),
  TRON_NETWORK("LUCID_ERR_2006", 502),
  INSUFFICIENT_USDT("LUCID_ERR_2007", 500),
  TRANSACTION_REJECTED("LUCID_ERR_2008", 500),
  RATE_LIMITED("LUCID_ERR_2009", 429),
  FORBIDDEN("LUCID_ERR_2010", 403),
  INVALID_REQUEST("LUCID_ERR_2011", 400),
  IDEMPOTENCY_IN_FLIGHT("LUCID_ERR_2012", 409),
  IDEMPOTENCY_MISMATCH("LUCID_ERR_2013", 422),
  PAYLOAD_TOO_LARGE("LUCID_ERR_2014", 413),
  ROUTE_NOT_FOUND("LUCID_ERR_2015", 404),
  INVALID_STATE("LUCID_ERR_2016", 409),
  UNAVAILABLE("LUCID_ERR_2017", 503),
  INTERNAL("LUCID_ERR_2018", 500),
  COMPLIANCE_SIGNATURE("LUCID_ERR_2019", 400),
  INVALID_AMOUNT("LUCID_ERR_2020", 400),
  /** A stored payout or attempt fails its seal, or contradicts what the signer remembers: it is never signed. */
  INTEGRITY_VIOLATION("LUCID_ERR_2021", 409),
  REQUEST_HEAD_TOO_LARGE("LUCID_ERR_2022", 431),
  REQUEST_TIMEOUT("LUCID_ERR_2023", 408);

  private final String code;
  private final int status;

  ErrorCode(String code, int status) {
    this.code = code;
    this.status = status;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public static java.util.Optional<ErrorCode> ofCode(String code) {
    for (ErrorCode c : values()) {
      if (c.code.equals(code)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }
}
