package com.lucid.payment.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.config.ConfigException;
import com.lucid.payment.config.ConfigLoader;
import com.lucid.payment.config.ServiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The devnet HS256 secret: created once, private to its owner, the same on every later start. */
class DevnetSecretTest {
  @TempDir Path dir;

  private ServiceConfig.Jwt devnet(Path dataDir) {
    return ConfigLoader.load(Map.of("DATA_DIR", dataDir.toString())).gateway().jwt();
  }

  @Test
  void theFirstStartCreatesAPrivateRandomSecretAndLaterStartsReuseIt() throws Exception {
    Path dataDir = dir.resolve("data");
    ServiceConfig.Jwt first = DevnetSecret.ensure(devnet(dataDir));
    Path file = dataDir.resolve("devnet-jwt-secret");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String secret = first.secret().orElseThrow().value();
    assertTrue(secret.matches("[0-9a-f]{64}"), "32 random bytes as hex");
    assertEquals(secret, DevnetSecret.ensure(devnet(dataDir)).secret().orElseThrow().value());
    assertEquals(secret, DevnetSecret.read(file).orElseThrow().value());
    try (var listing = Files.list(dataDir)) {
      assertEquals(1, listing.count(), "no temporary file is left behind");
    }
    Path other = dir.resolve("other");
    assertTrue(!secret.equals(DevnetSecret.ensure(devnet(other)).secret().orElseThrow().value()));
  }

  @Test
  void aConfiguredSecretIsLeftAloneAndNothingIsCreated() throws Exception {
    Path file = dir.resolve("jwt_secret");
    Files.writeString(file, TestTokens.SECRET);
    ServiceConfig.Jwt jwt = ConfigLoader.load(Map.of("DATA_DIR", dir.toString(), "JWT_SECRET_FILE", file.toString()))
        .gateway().jwt();
    assertEquals(jwt, DevnetSecret.ensure(jwt));
    assertTrue(Files.notExists(dir.resolve("devnet-jwt-secret")));
  }

  @Test
  void aTruncatedDevnetSecretIsRefusedRatherThanUsed() throws Exception {
    Files.writeString(dir.resolve("devnet-jwt-secret"), "0123abcd\n");
    ConfigException e = assertThrows(ConfigException.class, () -> DevnetSecret.ensure(devnet(dir)));
    assertTrue(e.getMessage().endsWith("is too short; delete it to renew"), e.getMessage());
  }
}
