package com.lucid.payment.devnet;

import java.util.HexFormat;
import org.tron.trident.core.key.KeyPair;

/** A test key pair (never funded outside a devnet). */
record TestWallet(KeyPair keys) {

  static TestWallet random() {
    return new TestWallet(KeyPair.generate());
  }

  String base58() {
    return keys.toBase58CheckAddress();
  }

  String hex() {
    return keys.toHexAddress();
  }

  /** The 20-byte address as hex, the form ABI words and logs use. */
  String evmHex() {
    return hex().substring(2);
  }

  /** 65 bytes r||s||v over a txid, as trident signs (v = 0 or 1). */
  byte[] sign(byte[] txid) {
    return KeyPair.signTransaction(txid, keys);
  }

  String signHex(byte[] txid) {
    return HexFormat.of().formatHex(sign(txid));
  }
}
