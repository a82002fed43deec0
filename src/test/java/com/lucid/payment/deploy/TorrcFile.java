package com.lucid.payment.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** One of the project's torrc files, readable by option and copyable onto a scratch state directory. */
public record TorrcFile(String relativePath, String text) {
  /** Every path tor writes lies under this prefix in both files; tests point it at a temp dir. */
  public static final String STATE_PREFIX = "/var/lib/tor";
  public static final String SERVICE_DIR = STATE_PREFIX + "/tron-payment-service";

  public static TorrcFile load(String relativePath) throws IOException {
    return new TorrcFile(relativePath, Files.readString(ExternalTool.projectFile(relativePath)));
  }

  /** The values of every line setting option, in file order (options are case-insensitive). */
  public List<String> values(String option) {
    return text.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> line.split("\\s+", 2))
        .filter(words -> words[0].equalsIgnoreCase(option))
        .map(words -> words.length > 1 ? words[1].strip() : "")
        .toList();
  }

  /**
   * Writes this file into scratch with every state path moved under scratch/state (mode 0700, as
   * tor demands) and returns the copy. Command-line overrides cannot do this: a --HiddenServiceDir
   * replaces the whole HiddenService* group of the file.
   */
  public Path copyInto(Path scratch) throws IOException {
    for (String option : List.of("DataDirectory", "HiddenServiceDir", "CacheDirectory", "KeyDirectory",
        "ClientOnionAuthDir", "PidFile", "ControlSocket")) {
      values(option).forEach(value -> assertTrue(value.startsWith(STATE_PREFIX),
          relativePath + ": " + option + " " + value + " is outside " + STATE_PREFIX));
    }
    Path state = Files.createDirectory(scratch.resolve("state"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path copy = scratch.resolve("torrc");
    Files.writeString(copy, text.replace(STATE_PREFIX, state.toString()));
    return copy;
  }

  public static Path stateDir(Path scratch) {
    return scratch.resolve("state");
  }

  public static Path serviceDir(Path scratch) {
    return scratch.resolve("state").resolve(SERVICE_DIR.substring(STATE_PREFIX.length() + 1));
  }
}
