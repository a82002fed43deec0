package com.lucid.payment.tron.chain;

/** A TRON address was refused; {@link #rule()} says which format rule it broke. */
public final class InvalidAddressException extends IllegalArgumentException {
  /** The format rules an address text must satisfy, in the order they are checked. */
  public enum Rule {
    MISSING("address is missing"),
    LENGTH("base58 address must be 34 characters"),
    ALPHABET("base58 address contains a character outside the base58 alphabet"),
    CHECKSUM("base58 address checksum does not match"),
    PREFIX("address must start with the TRON prefix byte 0x41"),
    HEX_FORMAT("hex address must be 42 hex characters starting with 41"),
    EVM_LENGTH("EVM address must be 20 bytes");

    private final String message;

    Rule(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  private final Rule rule;

  public InvalidAddressException(Rule rule) {
    super(rule.message());
    this.rule = rule;
  }

  public Rule rule() {
    return rule;
  }
}
