package com.lucid.payment.tron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signer's memory survives restarts, a torn last line, and only ever grows. */
class SigningJournalTest {
  @TempDir Path dir;

  @Test
  void whatWasWrittenIsReadBackAfterARestart() {
    Path file = dir.resolve("journal");
    try (SigningJournal journal = SigningJournal.open(file, false)) {
      journal.signed("payout_a", "aa".repeat(32), 1_000, 7, "0011223344556677");
      journal.signed("payout_a", "bb".repeat(32), 2_000, 8, "0011223344556677");
      journal.dead("payout_a", "aa".repeat(32), true);
      journal.granted("payout_a");
      journal.closed("payout_b");
    }
    try (SigningJournal journal = SigningJournal.open(file, false)) {
      SigningJournal.Payout a = journal.of("payout_a");
      assertEquals(2, a.signatures().size());
      assertEquals(1, a.live().size());
      assertEquals("bb".repeat(32), a.live().get(0).txid());
      assertEquals(1, a.expired());
      assertEquals(1, a.grants());
      assertFalse(a.closed());
      assertTrue(journal.of("payout_b").closed());
      assertEquals(SigningJournal.Payout.NONE, journal.of("payout_c"));
    }
  }

  @Test
  void aTornLastLineIsDroppedAndTheNextLineIsWhole() throws Exception {
    Path file = dir.resolve("journal");
    try (SigningJournal journal = SigningJournal.open(file, false)) {
      journal.signed("payout_a", "aa".repeat(32), 1_000, 7, "0011223344556677");
    }
    Files.writeString(file, "S payout_x cc", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
    try (SigningJournal journal = SigningJournal.open(file, false)) {
      assertEquals(SigningJournal.Payout.NONE, journal.of("payout_x"));
      journal.closed("payout_a");
    }
    try (SigningJournal journal = SigningJournal.open(file, false)) {
      assertTrue(journal.of("payout_a").closed());
      assertEquals(1, journal.of("payout_a").signatures().size());
    }
  }

  @Test
  void theSameDeathCountsOnceAndTheFileIsTheOwnersAlone() throws Exception {
    Path file = dir.resolve("journal");
    try (SigningJournal journal = SigningJournal.open(file, false)) {
      journal.dead("payout_a", "aa".repeat(32), true);
      journal.dead("payout_a", "aa".repeat(32), true);
      assertEquals(1, journal.of("payout_a").expired());
    }
    assertEquals(1, Files.readAllLines(file).size());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }
}
