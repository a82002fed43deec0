package com.lucid.payment.tron.chain;

/** Strict hexadecimal codec: encodes lower case, decodes only an even number of hex digits. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  public static String encode(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0x0f];
      out[2 * i + 1] = DIGITS[bytes[i] & 0x0f];
    }
    return new String(out);
  }

  /**
   * Decodes hex digits (either case). No {@code 0x} prefix, no whitespace, even length.
   *
   * @throws IllegalArgumentException on anything else; the message never echoes the input
   */
  public static byte[] decode(String hex) {
    if (hex == null) {
      throw new IllegalArgumentException("hex string is missing");
    }
    if ((hex.length() & 1) != 0) {
      throw new IllegalArgumentException("hex string has an odd number of digits");
    }
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = digit(hex.charAt(2 * i));
      int lo = digit(hex.charAt(2 * i + 1));
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("hex string contains a non-hex character");
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /** Decodes exactly {@code length} bytes of hex; {@code what} names the value in the error. */
  public static byte[] decode(String hex, int length, String what) {
    if (hex == null || hex.length() != length * 2) {
      throw new IllegalArgumentException(what + " must be " + length * 2 + " hex characters");
    }
    try {
      return decode(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " must be " + length * 2 + " hex characters", e);
    }
  }

  public static boolean isHex(String s, int hexChars) {
    if (s == null || s.length() != hexChars) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (digit(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
