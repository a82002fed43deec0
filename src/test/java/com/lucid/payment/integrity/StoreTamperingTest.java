package com.lucid.payment.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.devnet.DevnetFault;
import com.lucid.payment.devnet.FaultType;
import com.lucid.payment.store.StoreSchema;
import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone else writes to the store: amounts, recipients, attempts, whole payouts, old copies of payouts. None of it
 * is ever paid; the payout holds {@code integrity_violation}, the safety breaker trips, and {@code verify-audit}
 * names it.
 */
@Timeout(120)
class StoreTamperingTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private ChainUnderTest chain;

  @AfterEach
  void stop() throws Exception {
    if (chain != null) {
      chain.close();
    }
  }

  /** One payout accepted while the engine is paused: pending, never signed, until {@link #resume}. */
  private String pendingPayout(String recipient) throws Exception {
    chain = ChainUnderTest.start(dir, 1);
    chain.client.call(BusAddress.ADMIN_PAUSE, new JsonObject().put("reason", "tamper test"), "admin", "admin");
    String id = chain.client.pay("ops", "tamper-" + recipient, recipient, "1");
    Await.until("the paused payout to be held", WAIT, () -> "paused".equals(chain.payout(id).getString("hold_reason")));
    return id;
  }

  private void resume() throws Exception {
    chain.client.call(BusAddress.ADMIN_RESUME, new JsonObject(), "admin", "admin");
  }

  private void tamper(String id, JsonObject set) throws Exception {
    chain.store().updateCollection(StoreSchema.PAYOUTS, new JsonObject().put("_id", id),
        new JsonObject().put("$set", set).put("$inc", new JsonObject().put("version", 1))).await(10, TimeUnit.SECONDS);
  }

  /** Held for good, the breaker open, nothing paid, and verify-audit names the payout. */
  private void assertQuarantinedAndNamed(String id) throws Exception {
    Await.until("payout " + id + " to be held integrity_violation", WAIT, () -> chain.payout(id),
        p -> "integrity_violation".equals(p.getString("hold_reason")));
    JsonObject breaker = chain.client.call(BusAddress.ADMIN_BREAKER, new JsonObject().put("action", "get"), "admin",
        "admin");
    assertEquals("open", breaker.getString("state"), breaker.encode());
    assertTrue(chain.service.app().registry().get("tron_payout_integrity_violations_total").counter().count() >= 1);
    ChainUnderTest.VerifyAudit audit = chain.verifyAudit();
    assertEquals(1, audit.exitCode(), audit.output());
    assertTrue(audit.output().contains("BROKEN " + id), audit.output());
  }

  @Test
  void anAmountRaisedInTheStoreIsNeverPaid() throws Exception {
    String recipient = TestService.newAddress().base58();
    String id = pendingPayout(recipient);
    tamper(id, new JsonObject().put("amount", 999_000_000L));
    resume();
    assertQuarantinedAndNamed(id);
    assertTrue(chain.transfers().isEmpty(), "nothing was paid: " + chain.transfers());
  }

  @Test
  void aRecipientChangedInTheStoreIsNeverPaid() throws Exception {
    String id = pendingPayout(TestService.newAddress().base58());
    String attacker = TestService.newAddress().base58();
    tamper(id, new JsonObject().put("recipient_address", attacker));
    resume();
    assertQuarantinedAndNamed(id);
    assertTrue(chain.transfers().isEmpty(), "nothing was paid: " + chain.transfers());
  }

  @Test
  void aPayoutInsertedIntoTheStoreIsNeverPaid() throws Exception {
    String real = pendingPayout(TestService.newAddress().base58());
    JsonObject forged = chain.stored(real).copy().put("_id", "payout_forged0000000000000001")
        .put("recipient_address", TestService.newAddress().base58()).put("amount", 500_000_000L)
        .put("lease_until", 0L).put("next_check_at", 0L);
    chain.store().insert(StoreSchema.PAYOUTS, forged).await(10, TimeUnit.SECONDS);
    chain.store().removeDocument(StoreSchema.PAYOUTS, new JsonObject().put("_id", real)).await(10, TimeUnit.SECONDS);
    resume();
    assertQuarantinedAndNamed("payout_forged0000000000000001");
    assertTrue(chain.transfers().isEmpty(), "nothing was paid: " + chain.transfers());
  }

  @Test
  void anAttemptWhoseTxidIsReplacedIsNeverSignedAgain() throws Exception {
    chain = ChainUnderTest.start(dir, 1);
    chain.devnet.injectFault(DevnetFault.of(FaultType.NEVER_INCLUDE).times(1));
    String recipient = TestService.newAddress().base58();
    String id = chain.client.pay("ops", "tamper-txid", recipient, "1");
    Await.until("the first attempt to be signed", WAIT, () -> chain.stored(id).getInteger("attempt_count", 0) == 1);
    byte[] other = new byte[32];
    new SecureRandom().nextBytes(other);
    tamper(id, new JsonObject().put("attempts.0.txid", HexFormat.of().formatHex(other)));
    assertQuarantinedAndNamed(id);
    assertTrue(chain.transfers().isEmpty(), "the dropped attempt was never replaced: " + chain.transfers());
  }

  @Test
  void aPaidPayoutRolledBackToItsAcceptedCopyIsNeverPaidAgain() throws Exception {
    String recipient = TestService.newAddress().base58();
    String id = pendingPayout(recipient);
    JsonObject accepted = chain.stored(id);
    resume();
    chain.client.awaitStatus(id, "confirmed", 60);
    chain.store().findOneAndReplace(StoreSchema.PAYOUTS, new JsonObject().put("_id", id),
        accepted.put("version", accepted.getInteger("version") + 100).put("lease_until", 0L).put("next_check_at", 0L)
            .put("hold_reason", (String) null)).await(10, TimeUnit.SECONDS);
    assertQuarantinedAndNamed(id);
    assertEquals(1, chain.transfers().get(recipient).size(), "paid exactly once: " + chain.transfers());
    assertEquals(1, chain.transfers().size(), "nobody else was paid: " + chain.transfers());
  }
}
