package com.lucid.payment.tron;

import static com.lucid.payment.tron.ClientOnDevnet.TRX;
import static com.lucid.payment.tron.ClientOnDevnet.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.devnet.AccountBalance;
import com.lucid.payment.devnet.UsdtTransfer;
import com.lucid.payment.tron.api.AttemptFate;
import com.lucid.payment.tron.api.BroadcastOutcome;
import com.lucid.payment.tron.api.AttemptRef;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.api.TransferOrder;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.chain.SignedTransfer;
import com.lucid.payment.tron.chain.TronAddress;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One payout over the bus from signing to a solidified, exact transfer, on a devnet where nothing else happens, so
 * the ledger shows exactly what it moved and burnt.
 */
@ExtendWith(VertxExtension.class)
@Timeout(30)
class TransferLifecycleTest {
  @TempDir Path dir;
  ClientOnDevnet tron;

  @AfterEach
  void stop() {
    tron.stop();
  }

  @Test
  void transferReachesSolidifiedSuccessAndMovesExactlyTheAmount(Vertx vertx) {
    tron = ClientOnDevnet.start(vertx, dir);
    TronAddress recipient = HotWallet.generate(new SecureRandom()).address();
    String hot = tron.wallet.address().base58();
    AccountBalance before = tron.devnet.balance(hot);
    long amount = 12_500_000L;

    SignedAttempt attempt = tron.call(BusAddress.TRON_SIGN, tron.order("po_1", recipient, amount));
    SignedTransfer signed = SignedTransfer.fromTransactionHex(attempt.transactionHex());
    assertEquals(attempt.txid(), signed.txid());
    assertEquals(tron.wallet.address(), signed.signer());
    assertTrue(attempt.refBlockNumber() <= tron.devnet.solidifiedBlockNumber());
    assertTrue(attempt.expirationMs() > attempt.signedAtMs());
    // a first transfer to an empty balance slot: 130,285 energy by the estimate, at 100 sun, × 1.3 (rounded up)
    assertTrue(attempt.feeLimitSun() >= 130_285L * 100 * 130 / 100 && attempt.feeLimitSun() <= 100 * TRX,
        "fee limit " + attempt.feeLimitSun());

    BroadcastOutcome sent = tron.call(BusAddress.TRON_BROADCAST, tron.ref(attempt));
    assertEquals(BroadcastOutcome.Kind.ACCEPTED, sent.kind());

    AttemptRef query = tron.ref(attempt);
    List<AttemptFate> seen = new ArrayList<>();
    AttemptFate fate = eventually(() -> {
      AttemptFate f = tron.call(BusAddress.TRON_FATE, query);
      seen.add(f);
      return f;
    }, f -> !(f instanceof AttemptFate.Unknown) && !(f instanceof AttemptFate.Included));
    AttemptFate.Confirmed confirmed = assertInstanceOf(AttemptFate.Confirmed.class, fate);
    assertTrue(seen.stream().anyMatch(f -> f instanceof AttemptFate.Included), "seen " + seen);

    UsdtTransfer onChain = tron.devnet.transfers().stream().filter(t -> t.txid().equals(attempt.txid()))
        .findFirst().orElseThrow();
    assertEquals(onChain.blockNumber(), confirmed.block());
    assertEquals(130_285L, confirmed.energyUsed());
    assertTrue(confirmed.solidBlock() >= confirmed.block());
    AccountBalance after = tron.devnet.balance(hot);
    assertEquals(before.usdtUnits() - amount, after.usdtUnits());
    assertEquals(amount, tron.devnet.balance(recipient.base58()).usdtUnits());
    assertEquals(before.trxSun() - confirmed.feeSun(), after.trxSun());
    assertTrue(confirmed.feeSun() >= 130_285L * 100, "energy is burnt at 100 sun: " + confirmed.feeSun());

    // the same transaction asked about as another (sealed) payout is refused: it is not that payout's
    ReplyException otherAmount = tron.failure(BusAddress.TRON_FATE,
        new AttemptRef(tron.payout("po_other_amount", recipient, amount + 1), attempt));
    assertEquals(ErrorCode.INTEGRITY_VIOLATION, ApiFailure.from(otherAmount).code());
    ReplyException otherRecipient = tron.failure(BusAddress.TRON_FATE, new AttemptRef(
        tron.payout(attempt.payoutId(), HotWallet.generate(new SecureRandom()).address(), amount), attempt));
    assertEquals(ErrorCode.INTEGRITY_VIOLATION, ApiFailure.from(otherRecipient).code());
  }

  @Test
  void extraConfirmationsHoldAPayoutAsIncludedUntilTheSolidifiedHeadIsDeepEnough(Vertx vertx) {
    tron = ClientOnDevnet.start(vertx, dir, Map.of("TRON_EXTRA_CONFIRMATIONS", "10"), d -> List.of(d.baseUrl()));
    TronAddress recipient = HotWallet.generate(new SecureRandom()).address();
    SignedAttempt attempt = tron.call(BusAddress.TRON_SIGN, tron.order("po_deep", recipient, 3_000_000L));
    assertEquals(BroadcastOutcome.Kind.ACCEPTED,
        tron.<BroadcastOutcome>call(BusAddress.TRON_BROADCAST, tron.ref(attempt)).kind());
    AttemptRef query = tron.ref(attempt);
    AtomicBoolean heldWhileSolidified = new AtomicBoolean();
    AtomicBoolean saidWhenFinal = new AtomicBoolean();
    AttemptFate fate = eventually(() -> {
      long solidBefore = tron.devnet.solidifiedBlockNumber();
      AttemptFate f = tron.call(BusAddress.TRON_FATE, query);
      if (f instanceof AttemptFate.Included included && solidBefore >= included.block()) {
        heldWhileSolidified.set(true);
        saidWhenFinal.compareAndSet(false, included.finalInMs() > 0);
      }
      return f;
    }, f -> f instanceof AttemptFate.Confirmed);
    AttemptFate.Confirmed confirmed = (AttemptFate.Confirmed) fate;
    assertTrue(confirmed.solidBlock() >= confirmed.block() + 10, "confirmed at " + confirmed);
    assertTrue(heldWhileSolidified.get(), "solidified but not yet 10 blocks deep: still Included");
    assertTrue(saidWhenFinal.get(), "once the chain was seen moving, Included says when it should be final");
    long block = confirmed.block();
    assertTrue(tron.devnet.solidifiedBlockNumber() >= block + 10);
  }
}
