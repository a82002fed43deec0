package com.lucid.payment.tron.chain;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.tron.trident.proto.Chain;

/**
 * A transaction ready to be checked and signed.
 *
 * @param txid sha256 of the raw_data bytes (64 lower-case hex)
 * @param rawDataHex the protobuf Transaction.raw bytes: exactly what is signed and broadcast
 */
public record UnsignedTransfer(String txid, String rawDataHex, long expirationMs, long feeLimitSun) {

  public UnsignedTransfer {
    RawTransactions.checkConsistent(txid, rawDataHex, expirationMs, feeLimitSun);
    txid = txid.toLowerCase(Locale.ROOT);
    rawDataHex = rawDataHex.toLowerCase(Locale.ROOT);
  }

  /** Wraps raw_data bytes, computing the txid. */
  public static UnsignedTransfer fromRawData(byte[] rawData) {
    Chain.Transaction.raw raw = RawTransactions.parse(rawData);
    return new UnsignedTransfer(
        RawTransactions.txid(rawData), Hex.encode(rawData), raw.getExpiration(), raw.getFeeLimit());
  }

  /**
   * Decodes a node-built unsigned transaction from its JSON form (the {@code transaction} object
   * of /wallet/triggersmartcontract, as a map). Only {@code raw_data_hex} counts: it is what gets
   * signed and sent with broadcasthex; {@code txID} must equal its sha256.
   *
   * @throws ChainDataException if a field is missing or the txID does not match
   */
  public static UnsignedTransfer fromNodeJson(Map<String, ?> transaction) {
    Object txid = transaction.get("txID");
    Object rawHex = transaction.get("raw_data_hex");
    if (!(txid instanceof String) || !(rawHex instanceof String)) {
      throw new ChainDataException("node transaction lacks txID or raw_data_hex");
    }
    Object signature = transaction.get("signature");
    if (signature instanceof Collection<?> list && !list.isEmpty()) {
      throw new ChainDataException("node transaction is already signed");
    }
    byte[] raw;
    try {
      raw = Hex.decode((String) rawHex);
    } catch (IllegalArgumentException e) {
      throw new ChainDataException("raw_data_hex is not hex", e);
    }
    UnsignedTransfer decoded = fromRawData(raw);
    if (!decoded.txid().equalsIgnoreCase((String) txid)) {
      throw new ChainDataException("txID is not sha256(raw_data_hex)");
    }
    return decoded;
  }

  public byte[] rawData() {
    return Hex.decode(rawDataHex);
  }

  public byte[] txidBytes() {
    return Hex.decode(txid);
  }
}
