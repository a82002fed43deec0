package com.lucid.payment.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's folders are 0700 and its files 0600: created so, tightened when others could read, else refused. */
class PrivateFilesTest {
  @TempDir Path dir;

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void missingFoldersAndTheFileAreCreatedOwnerOnly() throws Exception {
    Path file = dir.resolve("a/b/payments.mv.db");
    PrivateFiles.file(file, "EMBEDDED_STORE_FILE");
    assertEquals("rwx------", mode(dir.resolve("a")));
    assertEquals("rwx------", mode(dir.resolve("a/b")));
    assertEquals("rw-------", mode(file));
    assertEquals(0, Files.size(file));
  }

  @Test
  void aFolderAndFileOthersCouldReadAreTightened() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("data"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
    Path file = Files.writeString(folder.resolve("payments.mv.db"), "kept");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    PrivateFiles.file(file, "EMBEDDED_STORE_FILE");

    assertEquals("rwx------", mode(folder));
    assertEquals("rw-------", mode(file));
    assertEquals("kept", Files.readString(file));
  }

  @Test
  void aFolderOthersCouldWriteIsRefusedAndLeftAsItIs() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("data"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
    ConfigException refused = assertThrows(ConfigException.class,
        () -> PrivateFiles.file(folder.resolve("payments.mv.db"), "EMBEDDED_STORE_FILE"));
    assertEquals("EMBEDDED_STORE_FILE: " + folder + " is writable by group or others (rwxrwxrwx): someone else may "
        + "have changed it; check it, then chmod 700 " + folder, refused.getMessage());
    assertEquals("rwxrwxrwx", mode(folder));
    assertTrue(Files.notExists(folder.resolve("payments.mv.db")));
  }

  @Test
  void aFileItsGroupCouldWriteIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("devnet-jwt-secret"), "x");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
    ConfigException refused = assertThrows(ConfigException.class,
        () -> PrivateFiles.existingFile(file, "JWT_SECRET_FILE"));
    assertTrue(refused.getMessage().startsWith("JWT_SECRET_FILE: " + file + " is writable by group or others"),
        refused.getMessage());
  }

  @Test
  void aStricterModeIsLeftAlone() throws Exception {
    Path file = Files.writeString(dir.resolve("k"), "x");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
    PrivateFiles.existingFile(file, "X");
    assertEquals("r--------", mode(file));
  }
}
