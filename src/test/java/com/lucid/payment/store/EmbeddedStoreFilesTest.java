package com.lucid.payment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.testing.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the service keeps in DATA_DIR (the embedded store, the devnet's key and JWT secret) is its owner's alone:
 * folders 0700 and files 0600 from the moment they exist, whatever the umask; an older, looser store is tightened at
 * start; a folder others could write is refused in one line.
 */
@Timeout(120)
class EmbeddedStoreFilesTest {
  @TempDir Path dir;

  private Map<String, String> env(Path data) {
    return Map.of("DATA_DIR", data.toString(), "PORT", "0", "METRICS_PORT", "0");
  }

  /** Every path under {@code root} (itself included) with its mode. */
  private static Map<String, String> modes(Path root) throws Exception {
    Map<String, String> modes = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        modes.put(root.relativize(p).toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
      }
    }
    return modes;
  }

  @Test
  void underAnOpenUmaskEverythingTheServiceWritesIsOwnerOnly() throws Exception {
    Path data = dir.resolve("data");
    Map<String, String> modes;
    // umask 000: a file or folder created without a mode of its own would be rw-rw-rw- / rwxrwxrwx
    try (ServiceProcess service = ServiceProcess.serviceWithUmask(dir, env(data), "000")) {
      service.awaitReady(60);
      modes = modes(data);
      assertEquals(143, service.terminate(30));
    }
    assertTrue(modes.keySet().containsAll(List.of("", "payments.mv.db", "devnet-hot-wallet.key",
        "devnet-jwt-secret")), modes.toString());
    modes.forEach((path, mode) -> assertEquals(Files.isDirectory(data.resolve(path)) ? "rwx------" : "rw-------",
        mode, "mode of DATA_DIR/" + path + " in " + modes));
  }

  @Test
  void anOlderStoreThatOthersCouldReadIsTightenedAtStart() throws Exception {
    Path data = dir.resolve("data");
    Path file = data.resolve("payments.mv.db");
    EmbeddedMongo.start(file, false, 0).close();
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    try (ServiceProcess service = ServiceProcess.service(dir, env(data))) {
      service.awaitReady(60);
      assertEquals("rwx------", modes(data).get(""));
      assertEquals("rw-------", modes(data).get("payments.mv.db"));
      assertTrue(service.lines().stream().anyMatch(l -> l.contains(file + " was open to group or others "
          + "(rw-r--r--): tightened to rw-------")), service.output());
      assertEquals(143, service.terminate(30));
    }
  }

  @Test
  void aStoreFolderOthersCouldWriteIsRefusedInOneLine() throws Exception {
    Path data = Files.createDirectory(dir.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxr-x"));
    try (ServiceProcess service = ServiceProcess.service(dir, env(data))) {
      assertEquals(2, service.waitForExit(60), "a configuration error");
      List<String> failures = service.lines().stream().filter(l -> l.startsWith("configuration error:")).toList();
      assertEquals(List.of("configuration error: EMBEDDED_STORE_FILE: " + data + " is writable by group or others "
          + "(rwxrwxr-x): someone else may have changed it; check it, then chmod 700 " + data), failures,
          service.output());
    }
    assertEquals("rwxrwxr-x", modes(data).get(""));
  }
}
