package com.lucid.payment.tron.chain;

import java.util.Arrays;
import org.tron.trident.core.utils.Base58;
import org.tron.trident.crypto.SECP256K1;
import org.tron.trident.utils.Base58Check;

/** An immutable 21-byte TRON account address: 0x41 followed by the 20-byte EVM address. */
public final class TronAddress {
  public static final byte PREFIX = 0x41;
  private static final String ALPHABET = Base58Check.ALPHABET;

  private final byte[] bytes;
  private final String base58;

  private TronAddress(byte[] bytes) {
    this.bytes = bytes;
    this.base58 = Base58Check.bytesToBase58(bytes);
  }

  /** Parses the {@code T...} form: 34 characters, base58 alphabet, valid checksum, 0x41 prefix. */
  public static TronAddress fromBase58(String text) {
    if (text == null) {
      throw new InvalidAddressException(InvalidAddressException.Rule.MISSING);
    }
    if (text.length() != 34) {
      throw new InvalidAddressException(InvalidAddressException.Rule.LENGTH);
    }
    for (int i = 0; i < text.length(); i++) {
      if (ALPHABET.indexOf(text.charAt(i)) < 0) {
        throw new InvalidAddressException(InvalidAddressException.Rule.ALPHABET);
      }
    }
    byte[] decoded = Base58.decode(text);
    // a 34-character base58 string can decode to 24 or 26 bytes: then no checksum can line up
    if (decoded.length != 25) {
      throw new InvalidAddressException(InvalidAddressException.Rule.CHECKSUM);
    }
    byte[] payload = Arrays.copyOf(decoded, 21);
    byte[] check = Hashes.sha256(Hashes.sha256(payload));
    if (!Arrays.equals(check, 0, 4, decoded, 21, 25)) {
      throw new InvalidAddressException(InvalidAddressException.Rule.CHECKSUM);
    }
    if (payload[0] != PREFIX) {
      throw new InvalidAddressException(InvalidAddressException.Rule.PREFIX);
    }
    return new TronAddress(payload);
  }

  /** Parses the node's hex form: 42 hex characters starting with {@code 41}. */
  public static TronAddress fromHex(String hex) {
    if (hex == null) {
      throw new InvalidAddressException(InvalidAddressException.Rule.MISSING);
    }
    if (!Hex.isHex(hex, 42)) {
      throw new InvalidAddressException(InvalidAddressException.Rule.HEX_FORMAT);
    }
    return fromBytes(Hex.decode(hex));
  }

  /** Wraps 21 address bytes (0x41 prefix included). */
  public static TronAddress fromBytes(byte[] bytes21) {
    if (bytes21 == null || bytes21.length != 21) {
      throw new InvalidAddressException(InvalidAddressException.Rule.HEX_FORMAT);
    }
    if (bytes21[0] != PREFIX) {
      throw new InvalidAddressException(InvalidAddressException.Rule.PREFIX);
    }
    return new TronAddress(bytes21.clone());
  }

  /** Builds the address from a 20-byte EVM address (as found in ABI data and receipt logs). */
  public static TronAddress fromEvm20(byte[] evm20) {
    if (evm20 == null || evm20.length != 20) {
      throw new InvalidAddressException(InvalidAddressException.Rule.EVM_LENGTH);
    }
    byte[] bytes = new byte[21];
    bytes[0] = PREFIX;
    System.arraycopy(evm20, 0, bytes, 1, 20);
    return new TronAddress(bytes);
  }

  /** The address of a secp256k1 public key: 0x41 || last 20 bytes of keccak256(x || y). */
  static TronAddress fromPublicKey(SECP256K1.PublicKey publicKey) {
    return fromPublicKeyBytes(publicKey.getEncoded());
  }

  /** The address of a public key given as its 64 bytes x || y. */
  static TronAddress fromPublicKeyBytes(byte[] xy64) {
    byte[] hash = Hashes.keccak256(xy64);
    return fromEvm20(Arrays.copyOfRange(hash, 12, 32));
  }

  public String base58() {
    return base58;
  }

  /** 42 lower-case hex characters, {@code 41...}. */
  public String hex() {
    return Hex.encode(bytes);
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public byte[] evm20() {
    return Arrays.copyOfRange(bytes, 1, 21);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TronAddress other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return base58;
  }
}
