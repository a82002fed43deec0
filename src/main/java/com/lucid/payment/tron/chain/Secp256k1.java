package com.lucid.payment.tron.chain;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * secp256k1 signing and public-key recovery on BouncyCastle's dedicated curve implementation. trident does the same
 * steps on the generic prime-field curve, whose BigInteger arithmetic was about three times slower and the largest
 * source of garbage in the service; the signatures are the same bytes (RFC 6979 nonces, low s, the recovery id that
 * recovers the key), which the tests check against trident.
 */
final class Secp256k1 {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
  static final BigInteger N = CURVE.getN();
  static final BigInteger HALF_N = N.shiftRight(1);
  private static final BigInteger P = CURVE.getCurve().getField().getCharacteristic();
  private static final FixedPointCombMultiplier MULTIPLIER = new FixedPointCombMultiplier();

  private Secp256k1() {}

  /** 64 bytes x || y of a normalized point: what TRON hashes into an address. */
  static byte[] encode(ECPoint point) {
    byte[] uncompressed = point.getEncoded(false);
    byte[] xy = new byte[64];
    System.arraycopy(uncompressed, 1, xy, 0, 64);
    return xy;
  }

  /**
   * r || s || v over a 32-byte digest as-is: ECDSA with RFC 6979 nonces (HMAC-SHA256), low s, and v the recovery id,
   * read off the nonce point itself (y parity, x beyond n) instead of found by trying recoveries. The steps and so
   * the bytes are BouncyCastle's ECDSASigner's; the signer's caller verifies by recovery before anything is sent.
   */
  static byte[] sign(BigInteger d, byte[] digest32) {
    BigInteger e = new BigInteger(1, digest32);
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(N, d, digest32);
    while (true) {
      BigInteger k = nonces.nextK();
      ECPoint nonce = MULTIPLIER.multiply(DOMAIN.getG(), k).normalize();
      BigInteger x = nonce.getAffineXCoord().toBigInteger();
      BigInteger r = x.mod(N);
      if (r.signum() == 0) {
        continue;
      }
      BigInteger s = BigIntegers.modOddInverse(N, k).multiply(e.add(d.multiply(r))).mod(N);
      if (s.signum() == 0) {
        continue;
      }
      int recId = (nonce.getAffineYCoord().testBitZero() ? 1 : 0) | (x.compareTo(N) >= 0 ? 2 : 0);
      if (s.compareTo(HALF_N) > 0) { // low s: the same signature with -k, whose nonce point has the other y
        s = N.subtract(s);
        recId ^= 1;
      }
      byte[] out = new byte[65];
      BigIntegers.asUnsignedByteArray(r, out, 0, 32);
      BigIntegers.asUnsignedByteArray(s, out, 32, 32);
      out[64] = (byte) recId;
      return out;
    }
  }

  /** The public point that signed {@code digest32} with (r, s) and recovery id 0..3 (SEC 1, 4.1.6), if any. */
  static Optional<ECPoint> recover(int recId, BigInteger r, BigInteger s, byte[] digest32) {
    BigInteger x = r.add(BigInteger.valueOf(recId / 2L).multiply(N));
    if (x.compareTo(P) >= 0) {
      return Optional.empty();
    }
    byte[] compressed = BigIntegers.asUnsignedByteArray(33, x);
    compressed[0] = (byte) ((recId & 1) == 1 ? 0x03 : 0x02);
    ECPoint nonce;
    try {
      nonce = DOMAIN.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException notOnCurve) {
      return Optional.empty();
    }
    BigInteger e = new BigInteger(1, digest32);
    BigInteger rInv = r.modInverse(N);
    BigInteger u1 = N.subtract(e).mod(N).multiply(rInv).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    ECPoint key = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), u1, nonce, u2).normalize();
    return key.isInfinity() ? Optional.empty() : Optional.of(key);
  }
}
