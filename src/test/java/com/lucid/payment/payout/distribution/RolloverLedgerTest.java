package com.lucid.payment.payout.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.payout.model.RouterType;
import com.lucid.payment.testing.EmbeddedStore;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rollovers against the real store: held per period and recipient, consumed exactly once, by one later period. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class RolloverLedgerTest {
  @RegisterExtension static final EmbeddedStore STORE = new EmbeddedStore();
  private static final String ALICE = "TAlice";
  private RolloverLedger ledger;

  @BeforeEach
  void connect(Vertx vertx) throws Exception {
    ledger = new RolloverLedger(STORE.connect(vertx).await(20, TimeUnit.SECONDS));
  }

  private static DistributionLine rolledOver(String recipient, long net) {
    return new DistributionLine(0, recipient, Optional.empty(), RouterType.PayoutRouterV0, net, 0, 0, List.of(), net,
        DistributionLine.Plan.ROLLED_OVER, Optional.empty());
  }

  private List<Rollover> availableTo(String period) throws Exception {
    return ledger.available(Set.of(ALICE), period).await(10, TimeUnit.SECONDS).getOrDefault(ALICE, List.of());
  }

  @Test
  void aRolloverIsConsumedByOneLaterPeriodOnly() throws Exception {
    ledger.create("2026-10", List.of(rolledOver(ALICE, 4_000_000)), Instant.now()).await(10, TimeUnit.SECONDS);
    assertEquals(List.of(), availableTo("2026-10"), "not to its own period");
    List<Rollover> offered = availableTo("2026-11");
    assertEquals(1, offered.size());
    assertEquals(4_000_000, offered.get(0).amount());
    List<String> ids = List.of(offered.get(0).id());
    assertTrue(ledger.claim(ids, "2026-11").await(10, TimeUnit.SECONDS));
    assertTrue(ledger.claim(ids, "2026-11").await(10, TimeUnit.SECONDS), "claiming again for the same period is a no-op");
    assertFalse(ledger.claim(ids, "2026-12").await(10, TimeUnit.SECONDS), "no other period can have it");
    assertEquals(List.of(), availableTo("2026-12"));
    assertEquals(1, availableTo("2026-11").size(), "still its consumer's");
  }

  @Test
  void aRefusedPeriodGivesItsClaimBack() throws Exception {
    ledger.create("2026-10", List.of(rolledOver(ALICE, 1_000_000)), Instant.now()).await(10, TimeUnit.SECONDS);
    List<String> ids = List.of(availableTo("2026-11").get(0).id());
    ledger.claim(ids, "2026-11").await(10, TimeUnit.SECONDS);
    ledger.release(ids, "2026-11").await(10, TimeUnit.SECONDS);
    assertTrue(ledger.claim(ids, "2026-12").await(10, TimeUnit.SECONDS), "free again for the next period");
  }

  @Test
  void aPeriodResumedAfterACrashDoesNotRollOverTwice() throws Exception {
    ledger.create("2026-10", List.of(rolledOver(ALICE, 2_000_000)), Instant.now()).await(10, TimeUnit.SECONDS);
    ledger.create("2026-10", List.of(rolledOver(ALICE, 2_000_000)), Instant.now()).await(10, TimeUnit.SECONDS);
    assertEquals(1, availableTo("2026-11").size());
  }
}
