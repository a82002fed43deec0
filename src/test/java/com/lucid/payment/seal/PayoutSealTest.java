package com.lucid.payment.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A seal binds every field it covers, and only its key makes one. */
class PayoutSealTest {
  private final PayoutSeal seal = new PayoutSeal("a-test-key-of-thirty-two-bytes!!".getBytes(StandardCharsets.US_ASCII));

  private String sealOf(String id, String user, long amount) {
    return seal.seal(id, user, "PayoutRouterV0", "TRecipient", amount, "TContract");
  }

  @Test
  void eachFieldChangesTheSeal() {
    String base = sealOf("payout_1", "alice", 1_000_000);
    assertEquals(base, sealOf("payout_1", "alice", 1_000_000));
    assertNotEquals(base, sealOf("payout_2", "alice", 1_000_000));
    assertNotEquals(base, sealOf("payout_1", "bob", 1_000_000));
    assertNotEquals(base, sealOf("payout_1", "alice", 999_000_000));
  }

  @Test
  void movingCharactersBetweenFieldsChangesTheSeal() {
    assertNotEquals(sealOf("payout_1", "alice", 1), sealOf("payout_1a", "lice", 1));
  }

  @Test
  void anotherKeyMakesAnotherSeal() {
    PayoutSeal other = new PayoutSeal("another-key-of-thirty-two-bytes!".getBytes(StandardCharsets.US_ASCII));
    assertNotEquals(sealOf("payout_1", "alice", 1), other.seal("payout_1", "alice", "PayoutRouterV0", "TRecipient", 1,
        "TContract"));
    assertNotEquals(seal.sealAttempt("p", 1, "aa", 10, 5), other.sealAttempt("p", 1, "aa", 10, 5));
    assertNotEquals(seal.sealAttempt("p", 1, "aa", 10, 5), seal.sealAttempt("p", 2, "aa", 10, 5));
  }

  @Test
  void aShortKeyIsRefusedAndNeverShown() {
    assertThrows(IllegalArgumentException.class, () -> new PayoutSeal(new byte[16]));
    assertFalse(seal.toString().contains("a-test-key"));
    assertTrue(seal.toString().contains("***"));
  }
}
