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

  private static String random(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
