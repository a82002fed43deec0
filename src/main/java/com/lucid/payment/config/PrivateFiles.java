package com.lucid.payment.config;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The folders and files the service keeps on disk (the embedded store, the devnet's generated keys) are its owner's
 * alone: folders 0700 and files 0600, created that way (never a moment with wider modes, whatever the umask). One
 * found looser at start is tightened, with a warning, when group and others could at most read it; one that group or
 * others could write is refused, because someone else may already have changed or replaced what is in it.
 */
public final class PrivateFiles {
  private static final Logger LOG = Logger.getLogger(PrivateFiles.class.getName());
  static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> WRITE_BY_OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

  private PrivateFiles() {}

  /** The folder exists, 0700 (missing folders on the way are created 0700 too). */
  public static Path folder(Path dir, String variable) {
    Path absolute = dir.toAbsolutePath();
    try {
      if (!Files.isDirectory(absolute)) {
        Files.createDirectories(absolute, attribute(FOLDER));
        return absolute;
      }
    } catch (IOException | UnsupportedOperationException e) {
      throw new ConfigException(variable, "cannot create the private folder " + absolute + " ("
          + e.getClass().getSimpleName() + ")");
    }
    tighten(absolute, FOLDER, "chmod 700 ", variable);
    return absolute;
  }

  /** The file's folder is private, and the file exists (created empty when missing), 0600. */
  public static Path file(Path file, String variable) {
    Path absolute = file.toAbsolutePath();
    folder(absolute.getParent(), variable);
    try {
      Files.createFile(absolute, attribute(FILE));
      return absolute;
    } catch (FileAlreadyExistsException exists) {
      // checked below
    } catch (IOException | UnsupportedOperationException e) {
      throw new ConfigException(variable, "cannot create " + absolute + " (" + e.getClass().getSimpleName() + ")");
    }
    tighten(absolute, FILE, "chmod 600 ", variable);
    return absolute;
  }

  /** An existing file is 0600 (tightened if others could only read it); a missing one is left missing. */
  public static void existingFile(Path file, String variable) {
    if (Files.exists(file)) {
      tighten(file.toAbsolutePath(), FILE, "chmod 600 ", variable);
    }
  }

  private static void tighten(Path path, Set<PosixFilePermission> wanted, String fix, String variable) {
    Set<PosixFilePermission> current;
    try {
      current = Files.getPosixFilePermissions(path);
    } catch (IOException | UnsupportedOperationException e) {
      throw new ConfigException(variable, "cannot read the permissions of " + path + " ("
          + e.getClass().getSimpleName() + "); the service needs a POSIX file system");
    }
    if (wanted.containsAll(current)) {
      return;
    }
    String mode = PosixFilePermissions.toString(current);
    if (current.stream().anyMatch(WRITE_BY_OTHERS::contains)) {
      throw new ConfigException(variable, path + " is writable by group or others (" + mode
          + "): someone else may have changed it; check it, then " + fix + path);
    }
    try {
      Files.setPosixFilePermissions(path, wanted);
    } catch (IOException | UnsupportedOperationException e) {
      throw new ConfigException(variable, path + " is open to group or others (" + mode
          + ") and cannot be tightened (" + e.getClass().getSimpleName() + "); " + fix + path);
    }
    LOG.warning(() -> path + " was open to group or others (" + mode + "): tightened to "
        + PosixFilePermissions.toString(wanted));
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
    return PosixFilePermissions.asFileAttribute(permissions);
  }
}
