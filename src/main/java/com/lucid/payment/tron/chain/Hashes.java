package com.lucid.payment.tron.chain;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** The two hashes TRON uses: sha256 for transaction ids and checksums, keccak256 for addresses and ABI. */
public final class Hashes {
  private Hashes() {}

  public static byte[] sha256(byte[] data) {
    return digest(new SHA256Digest(), data);
  }

  /** Ethereum-style Keccak-256 (not NIST SHA3-256). */
  public static byte[] keccak256(byte[]... parts) {
    return digest(new KeccakDigest(256), parts);
  }

  private static byte[] digest(Digest digest, byte[]... parts) {
    for (byte[] part : parts) {
      digest.update(part, 0, part.length);
    }
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }
}
