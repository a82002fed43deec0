package com.lucid.payment.tron.chain;

import java.security.SecureRandom;

/** The service's payout key: signs TRC20 transfers from one TRON address. */
public final class HotWallet {
  private final SigningKey key;

  private HotWallet(SigningKey key) {
    this.key = key;
  }

  /** Loads the key from 64 hex characters (the content of the key file, trimmed). */
  public static HotWallet fromPrivateKeyHex(String hex) {
    return new HotWallet(SigningKey.fromPrivateKeyHex(hex));
  }

  /** A fresh key for devnet runs; production keys come from the key file. */
  public static HotWallet generate(SecureRandom random) {
    return new HotWallet(SigningKey.generate(random));
  }

  public TronAddress address() {
    return key.address();
  }

  /** Signs a 32-byte transaction id: 65 bytes r || s || v, deterministic, low-s, v = 0 or 1. */
  public byte[] sign(byte[] txid32) {
    return key.sign(txid32);
  }

  /** Signs a checked transfer; the result carries the exact bytes to persist and broadcast. */
  public SignedTransfer sign(UnsignedTransfer transfer) {
    return SignedTransfer.of(transfer, key.sign(transfer.txidBytes()));
  }

  /** The raw key, only for writing the key file of a freshly generated devnet wallet. */
  public String privateKeyHexForDevnetKeyFile() {
    return key.privateKeyHexForKeyFile();
  }

  @Override
  public String toString() {
    return "HotWallet[address=" + key.address() + "]";
  }
}
