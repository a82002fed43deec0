package com.lucid.payment.devnet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.jcajce.provider.digest.Keccak;

/** The two hashes a TRON node uses: sha256 for ids, keccak256 for ABI selectors and addresses. */
final class Digests {
  private Digests() {}

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  static byte[] keccak256(byte[] data) {
    return new Keccak.Digest256().digest(data);
  }

  /** The 4-byte ABI selector of a signature such as "transfer(address,uint256)". */
  static byte[] selector(String signature) {
    return Arrays.copyOf(keccak256(signature.getBytes(StandardCharsets.US_ASCII)), 4);
  }
}
