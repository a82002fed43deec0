package com.lucid.payment.tron;

import static com.lucid.payment.tron.ClientOnDevnet.USDT;
import static com.lucid.payment.tron.ClientOnDevnet.await;
import static com.lucid.payment.tron.ClientOnDevnet.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.devnet.DevnetFault;
import com.lucid.payment.devnet.FaultType;
import com.lucid.payment.tron.api.AttemptFate;
import com.lucid.payment.tron.api.BroadcastOutcome;
import com.lucid.payment.tron.api.AttemptRef;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.api.TransferOrder;
import com.lucid.payment.tron.chain.Hex;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.chain.SignedTransfer;
import com.lucid.payment.tron.chain.TransferRequest;
import com.lucid.payment.tron.chain.Trc20Transfers;
import com.lucid.payment.tron.chain.TronAddress;
import com.lucid.payment.tron.node.BlockRef;
import com.lucid.payment.tron.node.FullNode;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way the devnet refuses or fails a transaction, decoded into the outcome or fate the payout engine acts on.
 * No transaction here moves USDT, so the hot wallet's USDT never changes.
 */
@ExtendWith(VertxExtension.class)
@Timeout(30)
class NodeRefusalsTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir static Path dir;
  static ClientOnDevnet tron;
  static FullNode node;

  @BeforeAll
  static void start(Vertx vertx) {
    tron = ClientOnDevnet.start(vertx, dir);
    node = tron.node();
  }

  @AfterEach
  void noFaultOutlivesItsTest() {
    tron.devnet.clearFaults();
    assertEquals(1_000 * USDT, tron.devnet.balance(tron.wallet.address().base58()).usdtUnits());
  }

  @AfterAll
  static void stop() {
    node.client().close();
    tron.stop();
  }

  @Test
  void aSignatureByAnotherKeyNeverReachesTheNode() {
    SignedAttempt attempt = tron.call(BusAddress.TRON_SIGN, tron.order("po_sig", recipient(), USDT));
    SignedTransfer real = SignedTransfer.fromTransactionHex(attempt.transactionHex());
    byte[] forged = HotWallet.generate(RANDOM).sign(Hex.decode(real.txid()));
    SignedTransfer wrong = new SignedTransfer(real.txid(), real.rawDataHex(), Hex.encode(forged),
        real.expirationMs(), real.feeLimitSun());
    int broadcastsBefore = broadcasts();
    ReplyException refused = tron.failure(BusAddress.TRON_BROADCAST, tron.ref(withBytes(attempt, wrong)));
    assertEquals(ErrorCode.INTEGRITY_VIOLATION, ApiFailure.from(refused).code());
    assertEquals(broadcastsBefore, broadcasts(), "the forged bytes were not sent");
  }

  private static int broadcasts() {
    return (int) tron.devnet.requests().stream().filter(r -> r.path().contains("broadcast")).count();
  }

  @Test
  void anExpiredTransactionIsRejected() {
    BlockRef head = await(node.headBlock());
    BlockRef solid = await(node.solidBlock());
    long expiration = head.timestampMs() - 1_000;
    SignedAttempt attempt = craft(recipient(), USDT, 50 * ClientOnDevnet.TRX, solid.number(), solid.blockId(),
        expiration);
    BroadcastOutcome outcome = tron.call(BusAddress.TRON_BROADCAST, tron.ref(attempt));
    assertEquals(BroadcastOutcome.Kind.REJECTED, outcome.kind());
    assertEquals("TRANSACTION_EXPIRATION_ERROR", outcome.code());
  }

  @Test
  void anUnknownReferenceBlockIsATaposError() {
    BlockRef head = await(node.headBlock());
    BlockRef solid = await(node.solidBlock());
    byte[] otherId = new byte[32];
    RANDOM.nextBytes(otherId);
    SignedAttempt attempt = craft(recipient(), USDT, 50 * ClientOnDevnet.TRX, solid.number(), Hex.encode(otherId),
        head.timestampMs() + 3_000);
    BroadcastOutcome outcome = tron.call(BusAddress.TRON_BROADCAST, tron.ref(attempt));
    assertEquals(BroadcastOutcome.Kind.REJECTED, outcome.kind());
    assertEquals("TAPOS_ERROR", outcome.code());
  }

  @Test
  void aFeeLimitTooLowFailsOutOfEnergyAndMovesNoUsdt() {
    TronAddress recipient = recipient();
    BlockRef head = await(node.headBlock());
    BlockRef solid = await(node.solidBlock());
    long feeLimit = 1_000_000L; // 10,000 energy at 100 sun: far below a transfer's 130,285
    SignedAttempt attempt = craft(recipient, USDT, feeLimit, solid.number(), solid.blockId(),
        head.timestampMs() + 3_000);
    assertEquals(BroadcastOutcome.Kind.ACCEPTED, tron.<BroadcastOutcome>call(BusAddress.TRON_BROADCAST, tron.ref(attempt)).kind());
    AttemptFate.Failed failed = assertInstanceOf(AttemptFate.Failed.class, finalFate(attempt, recipient, USDT));
    assertEquals("OUT_OF_ENERGY", failed.result());
    assertTrue(failed.feeSun() >= feeLimit, "the whole fee limit is burnt: " + failed.feeSun());
    assertEquals(0, tron.devnet.balance(recipient.base58()).usdtUnits());
  }

  @Test
  void moreUsdtThanTheWalletHoldsRevertsAndMovesNone() {
    TronAddress recipient = recipient();
    long amount = 5_000 * USDT;
    SignedAttempt attempt = tron.call(BusAddress.TRON_SIGN, tron.order("po_revert", recipient, amount));
    assertEquals(BroadcastOutcome.Kind.ACCEPTED, tron.<BroadcastOutcome>call(BusAddress.TRON_BROADCAST, tron.ref(attempt)).kind());
    AttemptFate.Failed failed = assertInstanceOf(AttemptFate.Failed.class, finalFate(attempt, recipient, amount));
    assertEquals("REVERT", failed.result());
    assertTrue(failed.feeSun() > 0);
    assertEquals(0, tron.devnet.balance(recipient.base58()).usdtUnits());
  }

  @Test
  void aTransactionAcceptedButNeverIncludedExpires() {
    tron.devnet.injectFault(DevnetFault.of(FaultType.NEVER_INCLUDE).times(1));
    TronAddress recipient = recipient();
    SignedAttempt attempt = tron.call(BusAddress.TRON_SIGN, tron.order("po_lost", recipient, USDT));
    assertEquals(BroadcastOutcome.Kind.ACCEPTED, tron.<BroadcastOutcome>call(BusAddress.TRON_BROADCAST, tron.ref(attempt)).kind());
    AttemptFate.Expired expired = assertInstanceOf(AttemptFate.Expired.class, finalFate(attempt, recipient, USDT));
    assertTrue(expired.solidBlockTimestampMs() > attempt.expirationMs());
  }

  @Test
  void theLyingHeadViewNeverMakesAPayoutConfirmed() {
    tron.devnet.injectFault(DevnetFault.of(FaultType.NEVER_INCLUDE).times(1));
    tron.devnet.injectFault(DevnetFault.of(FaultType.LIE_TX_INFO));
    TronAddress recipient = recipient();
    SignedAttempt attempt = tron.call(BusAddress.TRON_SIGN, tron.order("po_lie", recipient, USDT));
    assertEquals(BroadcastOutcome.Kind.ACCEPTED, tron.<BroadcastOutcome>call(BusAddress.TRON_BROADCAST, tron.ref(attempt)).kind());
    List<AttemptFate> seen = new ArrayList<>();
    AttemptRef query = tron.ref(attempt);
    eventually(() -> {
      AttemptFate f = tron.call(BusAddress.TRON_FATE, query);
      seen.add(f);
      return f;
    }, f -> f instanceof AttemptFate.Expired);
    assertTrue(seen.stream().anyMatch(f -> f instanceof AttemptFate.Included), "the lie was seen: " + seen);
    assertFalse(seen.stream().anyMatch(f -> f instanceof AttemptFate.Confirmed), "seen " + seen);
  }

  private static AttemptFate finalFate(SignedAttempt attempt, TronAddress recipient, long amount) {
    AttemptRef query = tron.ref(attempt);
    return eventually(() -> tron.call(BusAddress.TRON_FATE, query),
        f -> !(f instanceof AttemptFate.Unknown) && !(f instanceof AttemptFate.Included)
            && !(f instanceof AttemptFate.Undecided));
  }

  /** A transfer built and signed by hand with the hot wallet's key, bypassing the client's own choices. */
  private static SignedAttempt craft(TronAddress recipient, long amount, long feeLimit, long refNumber, String refId,
      long expiration) {
    long timestamp = expiration - 10_000;
    TransferRequest request = new TransferRequest(tron.wallet.address(), tron.usdt(), recipient, amount, feeLimit,
        refNumber, refId, expiration, timestamp);
    SignedTransfer signed = tron.wallet.sign(Trc20Transfers.build(request));
    String payoutId = "po_crafted_" + signed.txid().substring(0, 8);
    tron.payout(payoutId, recipient, amount);
    return tron.sealed(payoutId, 1, signed, expiration, feeLimit, refNumber, timestamp);
  }

  /** The attempt with other bytes, sealed as the original (as a store writer could swap them). */
  private static SignedAttempt withBytes(SignedAttempt attempt, SignedTransfer bytes) {
    return tron.sealed(attempt.payoutId(), attempt.attempt(), bytes, attempt.expirationMs(), attempt.feeLimitSun(),
        attempt.refBlockNumber(), attempt.signedAtMs());
  }

  private static TronAddress recipient() {
    return HotWallet.generate(RANDOM).address();
  }
}
