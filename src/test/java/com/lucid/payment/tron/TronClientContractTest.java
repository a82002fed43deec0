package com.lucid.payment.tron;

import static com.lucid.payment.tron.ClientOnDevnet.TRX;
import static com.lucid.payment.tron.ClientOnDevnet.USDT;
import static com.lucid.payment.tron.ClientOnDevnet.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.Plane;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.devnet.AccountBalance;
import com.lucid.payment.tron.api.AttemptFate;
import com.lucid.payment.tron.api.BroadcastOutcome;
import com.lucid.payment.tron.api.AttemptRef;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.api.StakeOrder;
import com.lucid.payment.tron.api.StakeResult;
import com.lucid.payment.tron.api.TransferOrder;
import com.lucid.payment.tron.api.WalletStatus;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.chain.TronAddress;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The TRON client's bus contract against a devnet: signing, broadcasting, fates, wallet, staking, status, ACL. */
@ExtendWith(VertxExtension.class)
@Timeout(30)
class TronClientContractTest {
  @TempDir static Path dir;
  static ClientOnDevnet tron;

  @BeforeAll
  static void start(Vertx vertx) {
    tron = ClientOnDevnet.start(vertx, dir);
  }

  @AfterAll
  static void stop() {
    tron.stop();
  }

  static TronAddress freshRecipient() {
    return HotWallet.generate(new SecureRandom()).address();
  }

  @Test
  void signingDoesNotBroadcastAndAnUnsentAttemptExpires() {
    TronAddress recipient = freshRecipient();
    SignedAttempt attempt = tron.call(BusAddress.TRON_SIGN, tron.order("po_2", recipient, USDT));
    AttemptRef query = tron.ref(attempt);
    assertInstanceOf(AttemptFate.Unknown.class, tron.call(BusAddress.TRON_FATE, query));

    AttemptFate fate = eventually(() -> tron.call(BusAddress.TRON_FATE, query),
        f -> !(f instanceof AttemptFate.Unknown) && !(f instanceof AttemptFate.Undecided));
    AttemptFate.Expired expired = assertInstanceOf(AttemptFate.Expired.class, fate);
    assertTrue(expired.solidBlockTimestampMs() > attempt.expirationMs());
    assertEquals(0, tron.devnet.balance(recipient.base58()).usdtUnits());
  }

  @Test
  void theSameSignedBytesSentTwiceAreADuplicate() {
    SignedAttempt attempt = tron.call(BusAddress.TRON_SIGN, tron.order("po_3", freshRecipient(), USDT));
    assertEquals(BroadcastOutcome.Kind.ACCEPTED,
        tron.<BroadcastOutcome>call(BusAddress.TRON_BROADCAST, tron.ref(attempt)).kind());
    BroadcastOutcome again = tron.call(BusAddress.TRON_BROADCAST, tron.ref(attempt));
    assertEquals(BroadcastOutcome.Kind.DUPLICATE, again.kind());
    assertEquals("DUP_TRANSACTION_ERROR", again.code());
  }

  @Test
  void aBroadcastOfBytesThatAreNotTheAttemptsTxidIsRefused() {
    SignedAttempt a = tron.call(BusAddress.TRON_SIGN, tron.order("po_4", freshRecipient(), USDT));
    SignedAttempt b = tron.call(BusAddress.TRON_SIGN, tron.order("po_5", freshRecipient(), USDT));
    SignedAttempt mixed = new SignedAttempt(a.payoutId(), a.attempt(), a.txid(), b.transactionHex(),
        a.expirationMs(), a.feeLimitSun(), a.refBlockNumber(), a.signedAtMs(), a.seal());
    ReplyException refused = tron.failure(BusAddress.TRON_BROADCAST, tron.ref(mixed));
    assertEquals(409, refused.failureCode());
    assertEquals(ErrorCode.INTEGRITY_VIOLATION, ApiFailure.from(refused).code());
  }

  @Test
  void walletReportsTheDevnetBalancesAndResources() {
    // the node shows what other tests broadcast at once (pending state), the devnet's ledger once in a block
    WalletStatus status = eventually(() -> tron.<WalletStatus>call(BusAddress.TRON_WALLET, new JsonObject()), s -> {
      AccountBalance ledger = tron.devnet.balance(tron.wallet.address().base58());
      return ledger.trxSun() == s.trxSun() && ledger.usdtUnits() == s.usdtUnits();
    });
    assertEquals(tron.wallet.address(), status.address());
    assertEquals(100, status.energyFeeSun());
    assertEquals(600, status.bandwidthLimit());
    assertTrue(status.solidBlock() <= status.headBlock());
  }

  @Test
  void statusIsUpAndNamesNodesBlocksWalletAndContract() {
    JsonObject status = tron.call(BusAddress.TRON_STATUS, new JsonObject());
    assertEquals("up", status.getString("status"));
    assertEquals("devnet", status.getString("network"));
    assertEquals(tron.devnet.baseUrl(), status.getJsonArray("nodes").getJsonObject(0).getString("url"));
    assertEquals("closed", status.getJsonArray("nodes").getJsonObject(0).getString("breaker"));
    assertEquals(tron.wallet.address().base58(), status.getString("hot_wallet"));
    assertEquals(tron.usdt().base58(), status.getString("usdt_contract"));
    assertTrue(status.getLong("head_block") >= status.getLong("solid_block"));
  }

  @Test
  void stakingFreezesTrxForEnergy() {
    String hot = tron.wallet.address().base58();
    long trxBefore = tron.devnet.balance(hot).trxSun();
    StakeResult staked = tron.call(BusAddress.TRON_STAKE, new StakeOrder(100 * TRX, "ENERGY"));
    assertEquals(64, staked.txid().length());
    WalletStatus status = eventually(() -> tron.call(BusAddress.TRON_WALLET, new JsonObject()),
        s -> ((WalletStatus) s).energyLimit() > 0);
    assertTrue(status.energyAvailable() > 0);
    // the node shows the stake before its block (pending state); the devnet's ledger once it is in one
    eventually(() -> tron.devnet.balance(hot).trxSun(), trx -> trx <= trxBefore - 100 * TRX);
  }

  @Test
  void stakingMoreThanTheBalanceIsRefusedByTheNode() {
    ReplyException refused = tron.failure(BusAddress.TRON_STAKE, new StakeOrder(1_000_000_000 * TRX, "BANDWIDTH"));
    assertEquals(400, refused.failureCode());
    assertTrue(ApiFailure.from(refused).getMessage().contains("the node refused the stake"),
        refused.getMessage());
  }

  @Test
  void otherPlanesCannotReachTheTronClient() {
    PlaneBus ops = new PlaneBus(tron.vertx.eventBus(), Plane.OPS);
    try {
      ClientOnDevnet.await(ops.request(BusAddress.TRON_SIGN, tron.order("po_6", freshRecipient(), USDT)));
    } catch (ReplyException denied) {
      assertEquals(403, denied.failureCode());
      return;
    }
    throw new AssertionError("the ops plane reached the TRON client");
  }

  @Test
  void aPayoutToTheHotWalletItselfIsRefusedBeforeSigning() {
    ReplyException refused = tron.failure(BusAddress.TRON_SIGN,
        tron.order("po_7", tron.wallet.address(), USDT));
    assertEquals(400, refused.failureCode());
    assertFalse(refused.getMessage().contains(tron.wallet.privateKeyHexForDevnetKeyFile()));
  }
}
