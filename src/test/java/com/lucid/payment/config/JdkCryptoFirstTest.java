package com.lucid.payment.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.tron.chain.HotWallet;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Security;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

/** After trident has put BouncyCastle first, TLS's ciphers come from the JDK again and signing still works. */
class JdkCryptoFirstTest {
  @Test
  void theJdkSealsTlsRecordsOnceTridentHasReorderedTheProviders() throws Exception {
    HotWallet wallet = HotWallet.generate(new SecureRandom()); // initializes trident's SECP256K1
    JdkCryptoFirst.ensure();

    assertEquals("SunJCE", Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName());
    assertEquals("BC", Security.getProviders()[Security.getProviders().length - 1].getName());
    assertEquals("BC", MessageDigest.getInstance("KECCAK-256").getProvider().getName(), "only BouncyCastle has it");
    assertTrue(HotWallet.fromPrivateKeyHex(wallet.privateKeyHexForDevnetKeyFile()).address().equals(wallet.address()));
    JdkCryptoFirst.ensure();
    assertEquals("SunJCE", Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName());
  }
}
