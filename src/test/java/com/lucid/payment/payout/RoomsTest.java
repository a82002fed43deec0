package com.lucid.payment.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's rooms keep to their walls, read from the sources: each uses only the rooms below it, only the worker
 * asks the TRON client to sign, broadcast or judge, each says what it must never touch, and none takes a lock.
 */
class RoomsTest {
  private static final Path ENGINE = Path.of("src/main/java/com/lucid/payment/payout");
  private static final Pattern IMPORT = Pattern.compile("^import com\\.lucid\\.payment\\.payout\\.(\\w+)\\.",
      Pattern.MULTILINE);
  /** Each room and the rooms it may use: a room never reaches one that reaches it. */
  private static final Map<String, Set<String>> MAY_USE = Map.of(
      "model", Set.of(),
      "limits", Set.of("model"),
      "audit", Set.of("model", "limits"),
      "settle", Set.of("model", "limits", "audit"),
      "accept", Set.of("model", "limits", "audit"),
      "batch", Set.of("model", "limits", "audit", "accept"),
      "distribution", Set.of("model", "limits", "accept", "batch"),
      "ops", Set.of("model", "limits", "audit", "settle"));

  private static List<Path> sources(String room) throws IOException {
    try (Stream<Path> files = Files.list(ENGINE.resolve(room))) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  @Test
  void eachRoomUsesOnlyTheRoomsBelowIt() throws IOException {
    List<String> crossings = new ArrayList<>();
    for (Map.Entry<String, Set<String>> room : MAY_USE.entrySet()) {
      for (Path file : sources(room.getKey())) {
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          String used = m.group(1);
          if (!used.equals(room.getKey()) && !room.getValue().contains(used)) {
            crossings.add(file.getFileName() + " (" + room.getKey() + ") uses " + used);
          }
        }
      }
    }
    assertEquals(List.of(), crossings);
  }

  @Test
  void onlyTheWorkerAsksTheTronClientToSignBroadcastOrJudge() throws IOException {
    Map<String, String> only = Map.of("BusAddress.TRON_SIGN", "settle/Signing.java",
        "BusAddress.TRON_BROADCAST", "settle/Signing.java", "BusAddress.TRON_FATE", "settle/Watching.java");
    List<String> strays = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ENGINE)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        only.forEach((address, owner) -> {
          if (text.contains(address) && !file.endsWith(owner)) {
            strays.add(ENGINE.relativize(file) + " names " + address);
          }
        });
      }
    }
    assertEquals(List.of(), strays);
  }

  @Test
  void eachRoomSaysWhatItOwnsAndWhatItMustNeverTouch() throws IOException {
    for (String room : MAY_USE.keySet()) {
      Path info = ENGINE.resolve(room).resolve("package-info.java");
      assertTrue(Files.exists(info), room + " has no package-info.java");
      assertTrue(Files.readString(info).contains("Never"), room + "'s package-info does not say what it never does");
    }
  }

  @Test
  void noRoomTakesALock() throws IOException {
    try (Stream<Path> files = Files.walk(ENGINE)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        assertTrue(!Files.readString(file).contains("synchronized"), file + " takes a lock");
      }
    }
  }
}
