package com.lucid.payment.payout;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Public ids: a prefix and 24 random letters and digits (about 143 bits), as the OpenAPI patterns require. */
public final class PayoutIds {
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();
  public static final Pattern PAYOUT = Pattern.compile("payout_[A-Za-z0-9]{1,64}");
  public static final Pattern BATCH = Pattern.compile("batch_[A-Za-z0-9]{1,64}");

  private PayoutIds() {}

  public static String payout() {
    return "payout_" + random(24);
  }

  public static String batch() {
    return "batch_" + random(24);
  }

  /**
   * One draw from the generator per id, not one per letter: the default SecureRandom is BouncyCastle's DRBG here
   * (trident installs the provider first), which hashes on every call. Bytes of 248 and above are skipped so that
   * each of the 62 letters stays equally likely.
   */
  private static String random(int length) {
    StringBuilder out = new StringBuilder(length);
    byte[] bytes = new byte[length + 8];
    while (out.length() < length) {
      RANDOM.nextBytes(bytes);
      for (int i = 0; i < bytes.length && out.length() < length; i++) {
        int b = bytes[i] & 0xff;
        if (b < 248) {
          out.append(ALPHABET.charAt(b % 62));
        }
      }
    }
    return out.toString();
  }
}
