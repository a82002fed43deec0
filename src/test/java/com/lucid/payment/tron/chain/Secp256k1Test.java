package com.lucid.payment.tron.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.tron.trident.crypto.SECP256K1;
import org.tron.trident.crypto.tuwenitypes.Bytes32;

/** The dedicated-curve signing and recovery give trident's exact bytes and signers, for many keys and digests. */
class Secp256k1Test {
  private static byte[] tridentSignature(BigInteger d, byte[] digest) {
    SECP256K1.Signature sig = SECP256K1.sign(Bytes32.wrap(digest.clone()),
        SECP256K1.KeyPair.create(SECP256K1.PrivateKey.create(d)));
    byte[] out = new byte[65];
    BigIntegers.asUnsignedByteArray(sig.getR(), out, 0, 32);
    BigIntegers.asUnsignedByteArray(sig.getS(), out, 32, 32);
    out[64] = sig.getRecId();
    return out;
  }

  private static TronAddress tridentSigner(byte[] digest, byte[] sig) {
    SECP256K1.Signature s = SECP256K1.Signature.create(new BigInteger(1, java.util.Arrays.copyOfRange(sig, 0, 32)),
        new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64)), (byte) (sig[64] >= 27 ? sig[64] - 27 : sig[64]));
    return SECP256K1.PublicKey.recoverFromSignature(Bytes32.wrap(digest.clone()), s).map(TronAddress::fromPublicKey)
        .orElseThrow();
  }

  @Test
  void signaturesAreTridentsBytesAndRecoverToTheSameSigner() {
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      BigInteger d = new BigInteger(256, random).mod(Signatures.N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
      SigningKey key = SigningKey.fromPrivateKeyHex(String.format("%064x", d));
      byte[] digest = new byte[32];
      random.nextBytes(digest);

      byte[] sig = key.sign(digest);

      assertArrayEquals(tridentSignature(d, digest), sig, "signature " + i);
      assertEquals(key.address(), Signatures.recover(digest, sig));
      assertEquals(tridentSigner(digest, sig), Signatures.recover(digest, sig));
      byte[] highS = sig.clone(); // the same signature with s' = n - s and the other v: the same signer, as java-tron
      BigIntegers.asUnsignedByteArray(Signatures.N.subtract(new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32,
          64))), highS, 32, 32);
      highS[64] = (byte) (27 + (sig[64] ^ 1));
      assertEquals(tridentSigner(digest, highS), Signatures.recover(digest, highS));
    }
  }
}
