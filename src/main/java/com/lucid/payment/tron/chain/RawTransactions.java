package com.lucid.payment.tron.chain;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Locale;
import org.tron.trident.proto.Chain;

/** Parsing and hashing of Transaction.raw bytes shared by the transfer records. */
final class RawTransactions {
  private RawTransactions() {}

  static Chain.Transaction.raw parse(byte[] rawData) {
    try {
      return Chain.Transaction.raw.parseFrom(rawData);
    } catch (InvalidProtocolBufferException e) {
      throw new ChainDataException("raw_data is not a protobuf Transaction.raw", e);
    }
  }

  /** The transaction id: sha256 of the raw_data bytes, lower-case hex. */
  static String txid(byte[] rawData) {
    return Hex.encode(Hashes.sha256(rawData));
  }

  /** Checks that txid, expiration and fee limit are the ones the raw bytes carry. */
  static void checkConsistent(String txid, String rawDataHex, long expirationMs, long feeLimitSun) {
    if (!Hex.isHex(txid, 64)) {
      throw new ChainDataException("txid must be 64 hex characters");
    }
    byte[] raw;
    try {
      raw = Hex.decode(rawDataHex);
    } catch (IllegalArgumentException e) {
      throw new ChainDataException("raw_data_hex is not hex", e);
    }
    if (!txid(raw).equals(txid.toLowerCase(Locale.ROOT))) {
      throw new ChainDataException("txid is not sha256 of raw_data");
    }
    Chain.Transaction.raw parsed = parse(raw);
    if (parsed.getExpiration() != expirationMs || parsed.getFeeLimit() != feeLimitSun) {
      throw new ChainDataException("expiration or fee limit differ from raw_data");
    }
  }
}
