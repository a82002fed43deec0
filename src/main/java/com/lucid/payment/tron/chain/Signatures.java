package com.lucid.payment.tron.chain;

import java.math.BigInteger;
import java.util.Arrays;

/** Recovers the signer of a 65-byte r || s || v secp256k1 signature, as java-tron does. */
public final class Signatures {
  static final BigInteger N = Secp256k1.N;
  static final BigInteger HALF_N = Secp256k1.HALF_N;

  private Signatures() {}

  /**
   * Recovers the address that signed {@code hash32}. Accepts v = 0..3 (trident, java-tron) and
   * 27..30 (TronWeb, Ethereum); like java-tron it does not require low-s.
   *
   * @throws ChainDataException if the signature is malformed or no key recovers from it
   */
  public static TronAddress recover(byte[] hash32, byte[] sig65) {
    if (hash32 == null || hash32.length != 32) {
      throw new ChainDataException("signed hash must be 32 bytes");
    }
    if (sig65 == null || sig65.length != 65) {
      throw new ChainDataException("signature must be 65 bytes r || s || v");
    }
    int v = sig65[64] & 0xff;
    int recId = v >= 27 ? v - 27 : v;
    if (recId < 0 || recId > 3) {
      throw new ChainDataException("signature v must be 0-3 or 27-30");
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig65, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig65, 32, 64));
    if (!inRange(r) || !inRange(s)) {
      throw new ChainDataException("signature r and s must be in [1, n-1]");
    }
    return Secp256k1.recover(recId, r, s, hash32)
        .map(key -> TronAddress.fromPublicKeyBytes(Secp256k1.encode(key)))
        .orElseThrow(() -> new ChainDataException("no public key recovers from this signature"));
  }

  /** True when {@code sig65} is a well-formed signature of {@code hash32} by {@code signer}. */
  public static boolean isSignedBy(byte[] hash32, byte[] sig65, TronAddress signer) {
    try {
      return recover(hash32, sig65).equals(signer);
    } catch (ChainDataException e) {
      return false;
    }
  }

  static boolean inRange(BigInteger x) {
    return x.signum() > 0 && x.compareTo(N) < 0;
  }
}
