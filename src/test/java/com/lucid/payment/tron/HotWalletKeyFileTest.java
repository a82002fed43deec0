package com.lucid.payment.tron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.config.ConfigException;
import com.lucid.payment.tron.chain.HotWallet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TRON_PRIVATE_KEY_FILE: generated on devnet (owner-only), reused on restart, a bad file stops start-up quietly. */
class HotWalletKeyFileTest {
  @TempDir Path dir;

  @Test
  void aDevnetKeyIsGeneratedOwnerOnlyAndReusedOnRestart() throws IOException {
    Path file = dir.resolve("data/keys/devnet-hot-wallet.key");
    HotWallet first = HotWalletKeyFile.load(file, true);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(Files.readString(file).strip().matches("[0-9a-f]{64}"));
    HotWallet again = HotWalletKeyFile.load(file, true);
    assertEquals(first.address(), again.address());
    assertFalse(first.toString().contains(first.privateKeyHexForDevnetKeyFile()));
  }

  @Test
  void aKeyWithSurroundingWhitespaceLoads() throws IOException {
    Path file = dir.resolve("key");
    Files.writeString(file, "  0000000000000000000000000000000000000000000000000000000000000001\n\n");
    assertEquals("TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC", HotWalletKeyFile.load(file, false).address().base58());
  }

  @Test
  void aBadKeyFileStopsStartUpWithoutEchoingItsContent() throws IOException {
    Path file = dir.resolve("key");
    String content = "not-a-key-but-a-secret-passphrase-0123456789abcdef";
    Files.writeString(file, content);
    ConfigException e = assertThrows(ConfigException.class, () -> HotWalletKeyFile.load(file, true));
    assertEquals("TRON_PRIVATE_KEY_FILE: file " + file
        + " does not hold a valid secp256k1 private key as 64 hex characters", e.getMessage());
    assertFalse(e.getMessage().contains(content));
  }

  @Test
  void aMissingKeyFileOutsideDevnetIsNeverGenerated() {
    Path file = dir.resolve("absent.key");
    ConfigException e = assertThrows(ConfigException.class, () -> HotWalletKeyFile.load(file, false));
    assertEquals("TRON_PRIVATE_KEY_FILE: file " + file + " does not exist", e.getMessage());
    assertFalse(Files.exists(file));
  }
}
