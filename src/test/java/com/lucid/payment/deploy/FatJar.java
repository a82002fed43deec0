package com.lucid.payment.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** target/tron-payment-service.jar, the artifact the image ships, built first when missing or stale. */
final class FatJar {
  static final Path JAR = ExternalTool.PROJECT.resolve("target/tron-payment-service.jar");
  private static final Path CLASSES = ExternalTool.PROJECT.resolve("target/classes");

  private FatJar() {}

  /**
   * The current fat jar. Surefire runs before Maven's package phase, so on a fresh checkout (or after
   * an edit) the jar is made here with the project's own `mvn package -DskipTests`.
   */
  static Path current() throws IOException, InterruptedException {
    if (!Files.exists(JAR) || newestClass().compareTo(Files.getLastModifiedTime(JAR)) > 0) {
      ExternalTool.Run build = ExternalTool.run(Duration.ofMinutes(5), List.of(
          ExternalTool.require("mvn"), "-B", "-q", "-f", ExternalTool.PROJECT.resolve("pom.xml").toString(),
          "package", "-DskipTests"));
      assertEquals(0, build.exitCode(), build::describe);
    }
    assertTrue(Files.isRegularFile(JAR), JAR + " was not built");
    return JAR;
  }

  private static FileTime newestClass() throws IOException {
    if (!Files.isDirectory(CLASSES)) {
      return FileTime.fromMillis(Long.MAX_VALUE);
    }
    try (Stream<Path> files = Files.walk(CLASSES)) {
      return files.filter(Files::isRegularFile)
          .map(file -> {
            try {
              return Files.getLastModifiedTime(file);
            } catch (IOException e) {
              return FileTime.fromMillis(Long.MAX_VALUE);
            }
          })
          .max(FileTime::compareTo)
          .orElse(FileTime.fromMillis(0));
    }
  }
}
