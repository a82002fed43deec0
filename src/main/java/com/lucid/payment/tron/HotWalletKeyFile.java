package com.lucid.payment.tron;

import com.lucid.payment.config.ConfigException;
import com.lucid.payment.config.PrivateFiles;
import com.lucid.payment.tron.chain.HotWallet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.logging.Logger;

/**
 * The hot wallet's key file (TRON_PRIVATE_KEY_FILE): 64 hex characters, surrounding whitespace ignored. On devnet a
 * missing file is generated with owner-only permissions. Errors never show the file's content. Blocking I/O.
 */
public final class HotWalletKeyFile {
  static final String VARIABLE = "TRON_PRIVATE_KEY_FILE";
  private static final Logger LOG = Logger.getLogger(HotWalletKeyFile.class.getName());

  private HotWalletKeyFile() {}

  /**
   * Loads the key, or on devnet creates it when the file does not exist.
   *
   * @throws ConfigException naming the variable and the file when the key cannot be loaded
   */
  public static HotWallet load(Path file, boolean generateIfMissing) {
    if (!Files.exists(file)) {
      if (!generateIfMissing) {
        throw new ConfigException(VARIABLE, "file " + file + " does not exist");
      }
      try {
        return generate(file);
      } catch (FileAlreadyExistsException raced) {
        // created meanwhile by another instance: read it below
      }
    }
    String content;
    try {
      content = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(VARIABLE, "file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    try {
      return HotWallet.fromPrivateKeyHex(content);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(VARIABLE, "file " + file
          + " does not hold a valid secp256k1 private key as 64 hex characters");
    }
  }

  private static HotWallet generate(Path file) throws FileAlreadyExistsException {
    HotWallet wallet = HotWallet.generate(new SecureRandom());
    try {
      PrivateFiles.folder(file.toAbsolutePath().getParent(), VARIABLE);
      // created owner-only from the start: the key is never readable by others, not even for a moment
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, wallet.privateKeyHexForDevnetKeyFile() + "\n", StandardCharsets.US_ASCII,
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (FileAlreadyExistsException raced) {
      throw raced;
    } catch (IOException | UnsupportedOperationException e) {
      throw new ConfigException(VARIABLE, "cannot create the devnet key file " + file + " ("
          + e.getClass().getSimpleName() + ")");
    }
    LOG.info(() -> "generated a devnet hot wallet " + wallet.address() + " in " + file);
    return wallet;
  }
}
