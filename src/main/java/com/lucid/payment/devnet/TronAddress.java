package com.lucid.payment.devnet;

import com.google.protobuf.ByteString;
import java.util.HexFormat;
import java.util.Locale;
import org.tron.trident.utils.Base58Check;

/** A TRON address: 21 bytes, the 0x41 prefix then the 20-byte EVM address, kept as lower-case hex. */
record TronAddress(String hex) {
  static final byte PREFIX = 0x41;
  private static final HexFormat HEX = HexFormat.of();

  TronAddress {
    hex = hex.toLowerCase(Locale.ROOT);
  }

  static TronAddress of(byte[] bytes) {
    if (bytes.length != 21 || bytes[0] != PREFIX) {
      throw new IllegalArgumentException("not a 21-byte 0x41 address");
    }
    return new TronAddress(HEX.formatHex(bytes));
  }

  static TronAddress of(ByteString bytes) {
    return of(bytes.toByteArray());
  }

  /** The address held in the low 20 bytes of a 32-byte ABI word. */
  static TronAddress fromAbiWord(byte[] data, int offset) {
    byte[] bytes = new byte[21];
    bytes[0] = PREFIX;
    System.arraycopy(data, offset + 12, bytes, 1, 20);
    return of(bytes);
  }

  /** Parses a request field the way a node does: hex 41… when visible is false, base58 when true. */
  static TronAddress parse(String text, boolean visible) {
    return visible ? parseBase58(text) : parseHex(text);
  }

  /**
   * Accepts either form, for operators and Java callers who should not have to say which;
   * IllegalArgumentException when it is neither.
   */
  static TronAddress parseAny(String text) {
    String trimmed = text == null ? "" : text.trim();
    try {
      return trimmed.startsWith("T") ? parseBase58(trimmed) : parseHex(trimmed);
    } catch (InvalidInput e) {
      throw new IllegalArgumentException("not a TRON address: " + text, e);
    }
  }

  private static TronAddress parseHex(String text) {
    byte[] bytes;
    try {
      bytes = HEX.parseHex(text.startsWith("0x") ? text.substring(2) : text);
    } catch (IllegalArgumentException e) {
      throw InvalidInput.parse("INVALID hex String");
    }
    if (bytes.length != 21 || bytes[0] != PREFIX) {
      throw InvalidInput.parse("INVALID hex String");
    }
    return of(bytes);
  }

  private static TronAddress parseBase58(String text) {
    byte[] bytes;
    try {
      bytes = Base58Check.base58ToBytes(text);
    } catch (RuntimeException unreadable) {
      // trident throws for short input too (NegativeArraySizeException); java-tron's decoder answers null
      throw InvalidInput.nullAddress();
    }
    if (bytes.length != 21 || bytes[0] != PREFIX) {
      throw InvalidInput.nullAddress();
    }
    return of(bytes);
  }

  byte[] bytes() {
    return HEX.parseHex(hex);
  }

  ByteString byteString() {
    return ByteString.copyFrom(bytes());
  }

  String base58() {
    return Base58Check.bytesToBase58(bytes());
  }

  /** The 20-byte form used in EVM logs and ABI words. */
  String evmHex() {
    return hex.substring(2);
  }

  /** The 32-byte ABI word holding this address. */
  byte[] abiWord() {
    byte[] word = new byte[32];
    System.arraycopy(bytes(), 1, word, 12, 20);
    return word;
  }

  String render(boolean visible) {
    return visible ? base58() : hex;
  }

  @Override
  public String toString() {
    return base58();
  }
}
