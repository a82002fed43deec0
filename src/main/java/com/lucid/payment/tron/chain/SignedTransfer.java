package com.lucid.payment.tron.chain;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.Locale;

/**
 * A signed transaction: the bytes to persist before the first broadcast and to re-broadcast as-is.
 *
 * @param signatureHex 65 bytes r || s || v as 130 hex characters
 */
public record SignedTransfer(
    String txid, String rawDataHex, String signatureHex, long expirationMs, long feeLimitSun) {
  // protobuf tags: field number << 3 | wire type 2 (length-delimited)
  private static final int RAW_DATA_TAG = (1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED;
  private static final int SIGNATURE_TAG = (2 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED;

  public SignedTransfer {
    RawTransactions.checkConsistent(txid, rawDataHex, expirationMs, feeLimitSun);
    if (!Hex.isHex(signatureHex, 130)) {
      throw new ChainDataException("signature must be 65 bytes (130 hex characters)");
    }
    txid = txid.toLowerCase(Locale.ROOT);
    rawDataHex = rawDataHex.toLowerCase(Locale.ROOT);
    signatureHex = signatureHex.toLowerCase(Locale.ROOT);
  }

  static SignedTransfer of(UnsignedTransfer unsigned, byte[] sig65) {
    return new SignedTransfer(unsigned.txid(), unsigned.rawDataHex(), Hex.encode(sig65),
        unsigned.expirationMs(), unsigned.feeLimitSun());
  }

  /**
   * Parses a whole signed protocol.Transaction (as persisted or as sent to broadcasthex): exactly
   * one raw_data and one 65-byte signature, nothing else, in canonical order.
   *
   * @throws ChainDataException otherwise
   */
  public static SignedTransfer fromTransactionHex(String transactionHex) {
    byte[] bytes;
    try {
      bytes = Hex.decode(transactionHex);
    } catch (IllegalArgumentException e) {
      throw new ChainDataException("transaction is not hex", e);
    }
    byte[] raw = null;
    byte[] sig = null;
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (tag == RAW_DATA_TAG && raw == null) {
          raw = in.readByteArray();
        } else if (tag == SIGNATURE_TAG && sig == null) {
          sig = in.readByteArray();
        } else {
          throw new ChainDataException("transaction has an unexpected or repeated field "
              + WireFormat.getTagFieldNumber(tag));
        }
      }
    } catch (IOException e) {
      throw new ChainDataException("transaction is not a protobuf Transaction", e);
    }
    if (raw == null || sig == null || sig.length != 65) {
      throw new ChainDataException("transaction needs raw_data and one 65-byte signature");
    }
    SignedTransfer parsed = of(UnsignedTransfer.fromRawData(raw), sig);
    if (!parsed.transactionHex().equalsIgnoreCase(transactionHex)) {
      throw new ChainDataException("transaction is not in canonical encoding");
    }
    return parsed;
  }

  /** The whole signed protocol.Transaction, hex: the body of /wallet/broadcasthex. */
  public String transactionHex() {
    byte[] raw = rawData();
    byte[] sig = signature();
    byte[] out = new byte[CodedOutputStream.computeByteArraySize(1, raw)
        + CodedOutputStream.computeByteArraySize(2, sig)];
    CodedOutputStream os = CodedOutputStream.newInstance(out);
    try {
      os.writeByteArray(1, raw);
      os.writeByteArray(2, sig);
      os.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new IllegalStateException("sized buffer overflowed", e);
    }
    return Hex.encode(out);
  }

  /** The address that signed the txid (what the node will check against the owner). */
  public TronAddress signer() {
    return Signatures.recover(Hex.decode(txid), signature());
  }

  public UnsignedTransfer unsigned() {
    return new UnsignedTransfer(txid, rawDataHex, expirationMs, feeLimitSun);
  }

  public byte[] rawData() {
    return Hex.decode(rawDataHex);
  }

  public byte[] signature() {
    return Hex.decode(signatureHex);
  }
}
