package com.lucid.payment.tron.chain;

/** Bytes from a node, a store or a caller that are not a well-formed signature, transaction, block or log. */
public class ChainDataException extends IllegalArgumentException {
  public ChainDataException(String message) {
    super(message);
  }

  public ChainDataException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Data of a shape this code cannot check (a field it does not know): not a lie, but not evidence either. */
  public static final class Uncheckable extends ChainDataException {
    public Uncheckable(String message) {
      super(message);
    }
  }

  /** An answer already found inconsistent and counted against its node. */
  public static final class Disbelieved extends ChainDataException {
    public Disbelieved(String message) {
      super(message);
    }
  }
}
