package com.lucid.payment.devnet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** The few ABI encodings the devnet's token speaks. */
final class Abi {
  static final byte[] ERROR_SELECTOR = HexFormat.of().parseHex("08c379a0");

  private Abi() {}

  static byte[] uint256(long value) {
    return word(BigInteger.valueOf(value));
  }

  static byte[] word(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] word = new byte[32];
    int length = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - length, word, 32 - length, length);
    return word;
  }

  static BigInteger uint256At(byte[] data, int offset) {
    return new BigInteger(1, Arrays.copyOfRange(data, offset, offset + 32));
  }

  /** A dynamic `string` return value: offset, length, padded bytes. */
  static byte[] string(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    int padded = (utf8.length + 31) / 32 * 32;
    byte[] out = new byte[64 + padded];
    System.arraycopy(uint256(32), 0, out, 0, 32);
    System.arraycopy(uint256(utf8.length), 0, out, 32, 32);
    System.arraycopy(utf8, 0, out, 64, utf8.length);
    return out;
  }

  /** Solidity's Error(string) revert data. */
  static byte[] revertReason(String reason) {
    byte[] body = string(reason);
    byte[] out = Arrays.copyOf(ERROR_SELECTOR, 4 + body.length);
    System.arraycopy(body, 0, out, 4, body.length);
    return out;
  }
}
