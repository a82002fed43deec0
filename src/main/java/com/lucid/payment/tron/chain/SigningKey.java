package com.lucid.payment.tron.chain;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.util.BigIntegers;
import org.tron.trident.crypto.SECP256K1;

/** A secp256k1 private key with its TRON address; signs 32-byte digests. Never prints the key. */
public final class SigningKey {
  private static final BigInteger N = SECP256K1.CURVE.getN();

  private final SECP256K1.KeyPair keyPair;
  private final TronAddress address;

  private SigningKey(BigInteger d) {
    this.keyPair = SECP256K1.KeyPair.create(SECP256K1.PrivateKey.create(d));
    this.address = TronAddress.fromPublicKey(keyPair.getPublicKey());
  }

  /**
   * Reads a key from exactly 64 hex characters (the key file format).
   *
   * @throws IllegalArgumentException if it is not 64 hex characters or not in [1, n-1]; the message
   *     never contains the key
   */
  public static SigningKey fromPrivateKeyHex(String hex) {
    if (!Hex.isHex(hex, 64)) {
      throw new IllegalArgumentException("private key must be 64 hex characters");
    }
    BigInteger d = new BigInteger(1, Hex.decode(hex));
    if (d.signum() == 0 || d.compareTo(N) >= 0) {
      throw new IllegalArgumentException("private key is outside the secp256k1 range");
    }
    return new SigningKey(d);
  }

  /** A fresh random key (devnet and tests). */
  public static SigningKey generate(SecureRandom random) {
    BigInteger d;
    do {
      d = new BigInteger(256, random);
    } while (d.signum() == 0 || d.compareTo(N) >= 0);
    return new SigningKey(d);
  }

  public TronAddress address() {
    return address;
  }

  /**
   * Signs a 32-byte digest as-is (no prefix, no re-hash): deterministic RFC 6979, low-s.
   *
   * @return 65 bytes r || s || v with v the recovery id 0 or 1, as trident and java-tron emit it
   */
  public byte[] sign(byte[] digest32) {
    if (digest32 == null || digest32.length != 32) {
      throw new IllegalArgumentException("digest must be 32 bytes");
    }
    return Secp256k1.sign(keyPair.getPrivateKey().getD(), digest32.clone());
  }

  /** The raw key as 64 hex characters: only for writing the key file of a generated devnet key. */
  public String privateKeyHexForKeyFile() {
    return Hex.encode(BigIntegers.asUnsignedByteArray(32, keyPair.getPrivateKey().getD()));
  }

  @Override
  public String toString() {
    return "SigningKey[address=" + address + "]";
  }
}
