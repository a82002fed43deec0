package com.lucid.payment.devnet;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import com.lucid.payment.tron.chain.ChainDataException;
import org.tron.trident.proto.Chain.Transaction;

/**
 * Recovers who signed a transaction the way java-tron does: 65 bytes r||s||v over the txid, v in
 * 0–3, 27–30 or 31–34, high s accepted, bytes past the 65th ignored. The curve arithmetic is the service's own
 * (known-answer tested against TronWeb and trident); the rules above are the node's. CPU-heavy: run it off the
 * event loop.
 */
final class Signatures {
  private Signatures() {}

  /** The signer of each signature in order, or the java-tron reason why one is unusable. */
  record Recovered(List<TronAddress> signers, List<String> signatureHex, String error) {}

  static Recovered recover(Transaction transaction, byte[] txid) {
    List<TronAddress> signers = new ArrayList<>();
    List<String> hex = new ArrayList<>();
    if (transaction.getSignatureCount() == 0 || transaction.getRawData().getContractCount() == 0) {
      return new Recovered(signers, hex, "miss sig or contract");
    }
    for (ByteString signature : transaction.getSignatureList()) {
      byte[] sig = signature.toByteArray();
      hex.add(HexFormat.of().formatHex(sig));
      if (sig.length < 65) {
        return new Recovered(signers, hex, "Signature size is " + sig.length);
      }
      int v = sig[64] & 0xFF;
      int header = v < 27 ? v + 27 : v;
      if (header > 30) {
        header -= 4;
      }
      if (header < 27 || header > 28) {
        return new Recovered(signers, hex, "Header byte out of range: " + header);
      }
      Optional<TronAddress> signer = signer(sig, (byte) (header - 27), txid);
      if (signer.isEmpty()) {
        // java-tron decompresses r as a curve point first; an r that is no point's x fails there
        return new Recovered(signers, hex,
            "java.lang.IllegalArgumentException: Invalid point compression");
      }
      signers.add(signer.get());
    }
    return new Recovered(signers, hex, null);
  }

  private static Optional<TronAddress> signer(byte[] sig, byte recId, byte[] txid) {
    byte[] normalized = Arrays.copyOf(sig, 65);
    normalized[64] = recId;
    try {
      return Optional.of(TronAddress.of(com.lucid.payment.tron.chain.Signatures.recover(txid, normalized).bytes()));
    } catch (ChainDataException e) {
      return Optional.empty();
    }
  }
}
