package com.lucid.payment.tor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** A log file tor writes, read from a mark on: what a test waits for must have been logged after the mark. */
final class LogFile {
  private final Path path;
  private long mark;

  LogFile(Path path) {
    this.path = path;
  }

  /** From now on only lines logged after this moment count. */
  void mark() throws IOException {
    mark = Files.exists(path) ? Files.size(path) : 0;
  }

  /** Every line logged since the mark. */
  String sinceMark() throws IOException {
    if (!Files.exists(path)) {
      return "";
    }
    byte[] bytes = Files.readAllBytes(path);
    int from = (int) Math.min(mark, bytes.length);
    return new String(Arrays.copyOfRange(bytes, from, bytes.length), StandardCharsets.UTF_8);
  }

  /** How many lines since the mark contain text. */
  long count(String text) throws IOException {
    return sinceMark().lines().filter(line -> line.contains(text)).count();
  }

  /** The last lines, for failure messages (tor's logs hold no key material). */
  String tail() {
    try {
      List<String> lines = Files.exists(path) ? Files.readAllLines(path) : List.of();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }
}
