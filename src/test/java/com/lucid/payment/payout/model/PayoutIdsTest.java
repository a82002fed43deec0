package com.lucid.payment.payout.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Payout and batch ids match the API's patterns, are unique, and sort by creation time. */
class PayoutIdsTest {
  @Test
  void idsMatchThePatternsAreUniqueAndSortByTime() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = PayoutIds.payout();
      assertTrue(PayoutIds.PAYOUT.matcher(id).matches(), id);
      assertEquals("payout_".length() + 24, id.length(), id);
      assertTrue(seen.add(id), "a repeated id: " + id);
    }
    assertTrue(PayoutIds.BATCH.matcher(PayoutIds.batch()).matches());
    long[] times = {0, 61, 62, 3_843, 3_844, 1_764_000_000_000L, 1_764_000_000_001L, 4_102_444_800_000L};
    for (int i = 1; i < times.length; i++) {
      String before = PayoutIds.time(times[i - 1]);
      String after = PayoutIds.time(times[i]);
      assertEquals(8, after.length());
      assertTrue(before.compareTo(after) < 0, before + " should sort before " + after);
    }
  }
}
