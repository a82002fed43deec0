package com.lucid.payment.payout.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.testing.TestPayouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A hold reason is one constant: stored once under one name, read back, shown, and documented for operators. */
class HoldReasonTest {
  @Test
  void eachReasonHasItsOwnStoredNameAndReadsBack() {
    Set<String> names = Arrays.stream(HoldReason.values()).map(HoldReason::stored).collect(Collectors.toSet());
    assertEquals(HoldReason.values().length, names.size());
    for (HoldReason r : HoldReason.values()) {
      assertTrue(r.stored().matches("[a-z_]+"), r.stored());
      assertEquals(Optional.of(r), HoldReason.fromStored(r.stored()));
    }
    assertEquals(Optional.empty(), HoldReason.fromStored("held_for_no_reason"));
  }

  @Test
  void aHeldPayoutShowsItsReason() {
    Payout payout = new TestPayouts().accepted("payout_held", 1_000_000L, Instant.now());
    for (HoldReason r : HoldReason.values()) {
      Payout held = PayoutDocuments.fromStored(PayoutDocuments.toStored(payout).put(PayoutFields.HOLD_REASON,
          r.stored()));
      assertEquals(Optional.of(r), held.state().hold());
      assertEquals(r.stored(), PayoutView.of(held, Instant.now()).getString("hold_reason"));
    }
  }

  @Test
  void theReadmeTellsOperatorsWhatEachReasonMeans() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (HoldReason r : HoldReason.values()) {
      assertTrue(readme.contains("`" + r.stored() + "`"), "README.md does not explain hold reason " + r.stored());
    }
  }
}
