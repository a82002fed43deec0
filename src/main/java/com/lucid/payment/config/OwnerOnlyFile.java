package com.lucid.payment.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A secret file that devnet creates once and every later start reads: owner-only from its first byte. */
public final class OwnerOnlyFile {
  private OwnerOnlyFile() {}

  /**
   * Writes {@code text} to a private temporary file, then links it into place: a crash never leaves half a secret, and
   * a concurrent start that created it first wins (a link never replaces a file). Blocking.
   *
   * @return the file's text: {@code text}, or what the winner of a race wrote
   */
  public static String createOnce(Path file, String text) throws IOException {
    Path dir = PrivateFiles.folder(file.toAbsolutePath().getParent(), "DATA_DIR");
    Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(temp, text + "\n", StandardCharsets.UTF_8);
      Files.createLink(file, temp);
      return text;
    } catch (FileAlreadyExistsException raced) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
