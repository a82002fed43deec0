package com.lucid.payment.devnet;

/** A request a node refuses before running it; answered as HTTP 200 {"Error": text}, as java-tron does. */
final class InvalidInput extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InvalidInput(String errorText) {
    super(errorText, null, false, false);
  }

  /** The shape of java-tron's JSON parser failures. */
  static InvalidInput parse(String detail) {
    return new InvalidInput("class org.tron.core.services.http.JsonFormat$ParseException : " + detail);
  }

  static InvalidInput json(String detail) {
    return new InvalidInput("class com.alibaba.fastjson.JSONException : " + detail);
  }

  static InvalidInput contractValidate(String detail) {
    return new InvalidInput("class org.tron.core.exception.ContractValidateException : " + detail);
  }

  String errorText() {
    return getMessage();
  }
}
