package com.lucid.payment.tron.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class HotWalletTest {
  private static final String KEY_HEX = "1234567890123456789012345678901234567890123456789012345678901234";

  @Test
  void signaturesReproduceEveryTransactionVector() {
    for (JsonObject tx : Vectors.transactions()) {
      HotWallet wallet = HotWallet.fromPrivateKeyHex(tx.getJsonObject("input").getString("owner_private_key"));
      byte[] txid = Hex.decode(tx.getString("txID"));
      byte[] sig = wallet.sign(txid);
      String id = tx.getString("id");
      assertEquals(tx.getString("signature_recid"), Hex.encode(sig), id);
      assertEquals(tx.getString("r"), Hex.encode(Arrays.copyOfRange(sig, 0, 32)), id);
      assertEquals(tx.getString("s"), Hex.encode(Arrays.copyOfRange(sig, 32, 64)), id);
      assertEquals(tx.getInteger("recovery_id").intValue(), sig[64], id);
      assertEquals(wallet.address(), Signatures.recover(txid, Hex.decode(tx.getString("signature"))), id);
      assertEquals(wallet.address(), Signatures.recover(txid, sig), id);
      assertEquals(tx.getJsonObject("input").getString("owner_address"), wallet.address().base58(), id);
    }
  }

  @Test
  void publishedSignaturesRecoverToTheirSigners() {
    for (JsonObject vector : Vectors.publishedSignatures()) {
      byte[] hash = Hex.decode(vector.getString("hash"));
      TronAddress signer = TronAddress.fromBase58(vector.getString("signer_address_base58"));
      assertEquals(signer, Signatures.recover(hash, Hex.decode(vector.getString("signature_rsv_hex"))));
      byte[] vrs = Base64.getDecoder().decode(vector.getString("signature_base64_vrs"));
      byte[] rsv = Arrays.copyOf(Arrays.copyOfRange(vrs, 1, 65), 65);
      rsv[64] = vrs[0];
      assertEquals(signer, Signatures.recover(hash, rsv));
      assertEquals(signer.hex(), vector.getString("signer_address_hex"));
    }
  }

  @Test
  void ethereumjDeterministicSignatureIsReproduced() {
    JsonObject vector = Vectors.publishedSignatures().stream()
        .filter(v -> v.getString("id").equals("ethereumj-rfc6979")).findFirst().orElseThrow();
    SigningKey key = SigningKey.fromPrivateKeyHex(Vectors.keys().stream()
        .filter(k -> k.getString("address_base58").equals(vector.getString("signer_address_base58")))
        .findFirst().orElseThrow().getString("private_key"));
    byte[] sig = key.sign(Hex.decode(vector.getString("hash")));
    String expected = vector.getString("signature_rsv_hex");
    assertEquals(expected.substring(0, 128), Hex.encode(sig).substring(0, 128));
    assertEquals(Integer.parseInt(expected.substring(128), 16) - 27, sig[64]);
  }

  @Test
  void highSTwinOfAValidSignatureStillRecoversLikeJavaTron() {
    HotWallet wallet = HotWallet.fromPrivateKeyHex(KEY_HEX);
    byte[] hash = Hashes.sha256("payout".getBytes());
    byte[] sig = wallet.sign(hash);
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    byte[] twin = sig.clone();
    BigIntegers.asUnsignedByteArray(Signatures.N.subtract(s), twin, 32, 32);
    twin[64] = (byte) (sig[64] ^ 1);
    assertEquals(wallet.address(), Signatures.recover(hash, twin));
  }

  @Test
  void malformedSignaturesAreRefused() {
    byte[] hash = new byte[32];
    byte[] sig = HotWallet.fromPrivateKeyHex(KEY_HEX).sign(Hashes.sha256(hash));
    byte[] badV = sig.clone();
    badV[64] = 4;
    assertThrows(ChainDataException.class, () -> Signatures.recover(hash, badV));
    badV[64] = 31;
    assertThrows(ChainDataException.class, () -> Signatures.recover(hash, badV));
    byte[] zeroR = sig.clone();
    Arrays.fill(zeroR, 0, 32, (byte) 0);
    assertThrows(ChainDataException.class, () -> Signatures.recover(hash, zeroR));
    assertThrows(ChainDataException.class, () -> Signatures.recover(hash, Arrays.copyOf(sig, 64)));
    assertThrows(ChainDataException.class, () -> Signatures.recover(new byte[31], sig));
    assertFalse(Signatures.isSignedBy(hash, zeroR, HotWallet.fromPrivateKeyHex(KEY_HEX).address()));
  }

  @Test
  void signingIsDeterministicAndRecoversToTheWallet() {
    HotWallet wallet = HotWallet.generate(new SecureRandom());
    byte[] hash = Hashes.sha256("same txid".getBytes());
    assertArrayEquals(wallet.sign(hash), wallet.sign(hash));
    assertTrue(Signatures.isSignedBy(hash, wallet.sign(hash), wallet.address()));
    assertThrows(IllegalArgumentException.class, () -> wallet.sign(new byte[31]));
  }

  @Test
  void generatedDevnetKeyCanBeWrittenAndReadBack() {
    HotWallet wallet = HotWallet.generate(new SecureRandom());
    String keyHex = wallet.privateKeyHexForDevnetKeyFile();
    assertEquals(64, keyHex.length());
    assertEquals(wallet.address(), HotWallet.fromPrivateKeyHex(keyHex).address());
  }

  @Test
  void theKeyNeverShowsInToStringOrErrors() {
    HotWallet wallet = HotWallet.fromPrivateKeyHex(KEY_HEX);
    assertFalse(wallet.toString().contains(KEY_HEX));
    assertTrue(wallet.toString().contains(wallet.address().base58()));
    assertFalse(SigningKey.fromPrivateKeyHex(KEY_HEX).toString().contains("1234567890"));
    String almost = KEY_HEX.substring(1) + "x";
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HotWallet.fromPrivateKeyHex(almost));
    assertFalse(e.getMessage().contains("123456789"));
    assertThrows(IllegalArgumentException.class, () -> HotWallet.fromPrivateKeyHex("00".repeat(32)));
    String order = Hex.encode(BigIntegers.asUnsignedByteArray(32, Signatures.N));
    assertThrows(IllegalArgumentException.class, () -> HotWallet.fromPrivateKeyHex(order));
  }
}
