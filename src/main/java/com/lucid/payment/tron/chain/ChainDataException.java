package com.lucid.payment.tron.chain;

/** Bytes from a node, a store or a caller that are not a well-formed signature, transaction or log. */
public final class ChainDataException extends IllegalArgumentException {
  public ChainDataException(String message) {
    super(message);
  }

  public ChainDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
