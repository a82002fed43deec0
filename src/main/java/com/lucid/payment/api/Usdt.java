package com.lucid.payment.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/** USDT amounts: parsed exactly into base units (1 USDT = 1,000,000) and printed back as decimal strings. */
public final class Usdt {
  public static final long UNIT = 1_000_000L;
  private static final BigDecimal UNIT_DECIMAL = BigDecimal.valueOf(UNIT);
  private static final BigDecimal MAX_PARSEABLE = new BigDecimal("1000000000000");
  /**
   * More digits than any amount can have ("1000000000000.000000" is 20 characters): refused before any arithmetic,
   * whose cost grows with the digits (a 60 KB string took seconds of CPU in BigDecimal).
   */
  private static final int MAX_DIGITS = 32;

  private Usdt() {}

  /**
   * Base units of a JSON value given as a decimal string or an exact number; empty with the reason otherwise. Doubles
   * are refused: they cannot say 0.1 exactly (clients on the bus send strings, the gateway parses exactly).
   */
  public static long parse(Object value) {
    BigDecimal decimal;
    if (value instanceof String s) {
      if (s.length() > MAX_DIGITS) {
        throw new IllegalArgumentException("must be at most " + MAX_DIGITS + " characters");
      }
      if (!s.matches("[0-9]+(\\.[0-9]+)?")) {
        throw new IllegalArgumentException("must be a decimal number such as \"12.50\"");
      }
      decimal = new BigDecimal(s);
    } else if (value instanceof BigDecimal d) {
      // bit lengths are free to read, digit counts are not
      if (d.unscaledValue().bitLength() > 4 * MAX_DIGITS || Math.abs(d.scale()) > MAX_DIGITS) {
        throw new IllegalArgumentException("must have at most " + MAX_DIGITS + " digits and 6 decimal places");
      }
      decimal = d;
    } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      if (value instanceof BigInteger big && big.bitLength() > 4 * MAX_DIGITS) {
        throw new IllegalArgumentException("is too large");
      }
      decimal = new BigDecimal(value.toString());
    } else {
      throw new IllegalArgumentException("must be a decimal string such as \"12.50\"");
    }
    if (decimal.signum() < 0) {
      throw new IllegalArgumentException("must not be negative");
    }
    if (decimal.stripTrailingZeros().scale() > 6) {
      throw new IllegalArgumentException("has more than 6 decimal places");
    }
    if (decimal.compareTo(MAX_PARSEABLE) > 0) {
      throw new IllegalArgumentException("is too large");
    }
    return decimal.multiply(UNIT_DECIMAL).longValueExact();
  }

  /** Parses, or empty: for places that report the reason themselves. */
  public static Optional<Long> tryParse(Object value) {
    try {
      return Optional.of(parse(value));
    } catch (IllegalArgumentException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** "1.5" for 1,500,000; at most 6 decimals, no trailing zeros, never exponent notation. */
  public static String format(long units) {
    return BigDecimal.valueOf(units).divide(UNIT_DECIMAL).stripTrailingZeros().toPlainString();
  }
}
