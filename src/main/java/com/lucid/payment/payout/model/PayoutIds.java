package com.lucid.payment.payout.model;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Public ids, as the OpenAPI patterns require: a prefix, the creation time (8 letters and digits, in base 62, so ids
 * sort by time) and 16 random letters and digits (about 95 bits). Sorted ids keep new payouts together in the
 * store's B-tree: a commit rewrites one leaf for a group of new payouts instead of one leaf each.
 */
public final class PayoutIds {
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();
  public static final Pattern PAYOUT = Pattern.compile("payout_[A-Za-z0-9]{1,64}");
  public static final Pattern BATCH = Pattern.compile("batch_[A-Za-z0-9]{1,64}");

  private PayoutIds() {}

  public static String payout() {
    return "payout_" + time(System.currentTimeMillis()) + random(16);
  }

  public static String batch() {
    return "batch_" + time(System.currentTimeMillis()) + random(16);
  }

  /** Epoch milliseconds as 8 base-62 digits, most significant first (62^8 ms is some 6,900 years). */
  public static String time(long epochMs) {
    char[] digits = new char[8];
    long rest = epochMs;
    for (int i = 7; i >= 0; i--) {
      digits[i] = ALPHABET.charAt((int) (rest % 62));
      rest /= 62;
    }
    return new String(digits);
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
