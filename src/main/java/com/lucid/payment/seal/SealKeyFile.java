package com.lucid.payment.seal;

import com.lucid.payment.config.ConfigException;
import com.lucid.payment.config.OwnerOnlyFile;
import com.lucid.payment.config.ServiceConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The payout seal key (PAYOUT_SEAL_KEY_FILE): the file's text, surrounding whitespace ignored, at least 32 bytes. On
 * devnet a missing file is generated (32 random bytes as hex, owner-only). Errors never show the content. Blocking.
 */
public final class SealKeyFile {
  static final int MIN_BYTES = 32;
  private static final String VARIABLE = "PAYOUT_SEAL_KEY_FILE";

  private SealKeyFile() {}

  public static PayoutSeal load(ServiceConfig.Integrity config) {
    Path file = config.sealKeyFile();
    try {
      if (!Files.exists(file)) {
        if (!config.generateSealKey()) {
          throw new ConfigException(VARIABLE, "file " + file + " does not exist");
        }
        byte[] random = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(random);
        OwnerOnlyFile.createOnce(file, HexFormat.of().formatHex(random));
      }
      byte[] key = Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
      if (key.length < MIN_BYTES) {
        throw new ConfigException(VARIABLE, "file " + file + " holds fewer than " + MIN_BYTES + " bytes");
      }
      return new PayoutSeal(key);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ConfigException c) {
        throw c;
      }
      throw new ConfigException(VARIABLE, "file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }
}
