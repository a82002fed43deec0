package com.lucid.payment.auth;

import com.lucid.payment.config.ConfigException;
import com.lucid.payment.config.ConfigLoader;
import com.lucid.payment.config.OwnerOnlyFile;
import com.lucid.payment.config.PrivateFiles;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.config.ServiceConfig.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The HS256 secret devnet uses when JWT_SECRET_FILE is not set: 32 random bytes, written once as hex text to
 * DATA_DIR/devnet-jwt-secret (owner-only) and reused by later starts and by the {@code token} command.
 */
public final class DevnetSecret {
  private static final int RANDOM_BYTES = 32;

  private DevnetSecret() {}

  /** The settings with the secret known: unchanged unless they wait for the devnet secret, which is created if missing. */
  public static ServiceConfig.Jwt ensure(ServiceConfig.Jwt jwt) {
    if (jwt.secret().isPresent() || jwt.devnetSecretFile().isEmpty()) {
      return jwt;
    }
    Path file = jwt.devnetSecretFile().get();
    return jwt.withSecret(read(file).orElseGet(() -> create(file)));
  }

  /** The devnet secret if it was created already; never creates it. */
  public static Optional<Secret> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    PrivateFiles.existingFile(file, "JWT_SECRET_FILE");
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (text.getBytes(StandardCharsets.UTF_8).length < ConfigLoader.MIN_HS256_SECRET_BYTES) {
        throw new ConfigException("JWT_SECRET_FILE", "the devnet secret " + file + " is too short; delete it to renew");
      }
      return Optional.of(new Secret(text));
    } catch (IOException e) {
      throw new ConfigException("JWT_SECRET_FILE", "the devnet secret " + file + " cannot be read");
    }
  }

  private static Secret create(Path file) {
    byte[] random = new byte[RANDOM_BYTES];
    new SecureRandom().nextBytes(random);
    try {
      OwnerOnlyFile.createOnce(file, HexFormat.of().formatHex(random));
      return read(file).orElseThrow();
    } catch (IOException e) {
      throw new ConfigException("DATA_DIR", "cannot create the devnet JWT secret " + file + " ("
          + e.getClass().getSimpleName() + ")");
    }
  }
}
