package com.lucid.payment.devnet;

/** A request a node refuses before running it; answered as HTTP 200 {"Error": text}, as java-tron does. */
final class InvalidInput extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final String PARSE = "class org.tron.core.services.http.JsonFormat$ParseException : ";

  InvalidInput(String errorText) {
    super(errorText, null, false, false);
  }

  /** The shape of java-tron's JSON parser failures. */
  static InvalidInput parse(String detail) {
    return new InvalidInput(PARSE + detail);
  }

  static InvalidInput json(String detail) {
    return new InvalidInput("class com.alibaba.fastjson.JSONException : " + detail);
  }

  /** java-tron's base58check decoder answers null for anything it cannot read; the caller then dereferences it. */
  static InvalidInput nullAddress() {
    return new InvalidInput("class java.lang.NullPointerException : Cannot read the array length because "
        + "\"bytes\" is null");
  }

  /** What bouncycastle's Hex.decode throws, where java-tron decodes hex with it directly. */
  static InvalidInput hexDecoder() {
    return new InvalidInput("class org.bouncycastle.util.encoders.DecoderException : exception decoding Hex "
        + "string: invalid characters encountered in Hex string");
  }

  static InvalidInput contractValidate(String detail) {
    return new InvalidInput("class org.tron.core.exception.ContractValidateException : " + detail);
  }

  String errorText() {
    return getMessage();
  }

  /** Whether this is a JsonFormat parse failure, which java-tron reports with its line and column. */
  boolean isParse() {
    return getMessage().startsWith(PARSE);
  }
}
