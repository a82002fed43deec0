package com.lucid.payment.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.Role;
import com.lucid.payment.api.Usdt;
import com.lucid.payment.devnet.DevnetFault;
import com.lucid.payment.devnet.FaultType;
import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.HttpApi;
import com.lucid.payment.testing.TestService;
import com.lucid.payment.tron.HotWalletKeyFile;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.chain.TronAddress;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A payout whose attempts keep expiring is re-signed at most PAYOUT_MAX_EXPIRY_RESIGNS times, then held
 * {@code needs_review} until an admin decides over HTTP: re-sign, cancel, or mark it paid with a txid the chain shows.
 */
@Timeout(150)
class ExpiryReviewTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dir;
  private ChainUnderTest chain;
  private HttpApi http;
  private String admin;

  @AfterEach
  void stop() throws Exception {
    if (chain != null) {
      chain.close();
    }
  }

  /**
   * A payout whose attempts never land while the devnet holds them back: with one re-sign allowed, its second expiry
   * holds it for review; then the devnet includes transactions again.
   */
  private String heldForReview(String recipient) throws Exception {
    chain = ChainUnderTest.start(dir, 1, Map.of("PAYOUT_MAX_EXPIRY_RESIGNS", "1"));
    http = new HttpApi(chain.service.api());
    admin = chain.service.token("root", Role.ADMIN);
    String holdBack = chain.devnet.injectFault(DevnetFault.of(FaultType.NEVER_INCLUDE));
    String id = chain.client.pay("ops", "review-" + recipient, recipient, "2");
    JsonObject held = Await.until("payout " + id + " to need review", WAIT, () -> chain.payout(id),
        p -> "needs_review".equals(p.getString("hold_reason")));
    assertEquals("processing", held.getString("status"));
    assertEquals(2, chain.stored(id).getInteger("attempt_count"));
    assertTrue(chain.transfers().isEmpty());
    chain.devnet.clearFault(holdBack);
    return id;
  }

  private HttpApi.Reply review(String id, JsonObject decision, String token) throws Exception {
    return http.post("/admin/payouts/" + id + "/review", token, decision.encode(), Map.of());
  }

  @Test
  void anAdminReSignsAPayoutPastTheCapAndItIsPaidOnce() throws Exception {
    String recipient = TestService.newAddress().base58();
    String id = heldForReview(recipient);
    HttpApi.Reply refused = review(id, new JsonObject().put("action", "resign").put("note", "checked"),
        chain.service.token("svc", Role.SERVICE));
    assertEquals(403, refused.status(), refused.body());
    HttpApi.Reply noNote = review(id, new JsonObject().put("action", "resign"), admin);
    assertEquals(400, noNote.status(), noNote.body());

    HttpApi.Reply resigned = review(id, new JsonObject().put("action", "resign").put("note", "node was down"), admin);
    assertEquals(200, resigned.status(), resigned.body());
    chain.client.awaitStatus(id, "confirmed", 90);
    assertEquals(1, chain.transfers().get(recipient).size());
    assertEquals(3, chain.stored(id).getInteger("attempt_count"));
    assertTrue(chain.stored(id).getJsonArray("audit").stream().map(e -> (JsonObject) e)
        .anyMatch(e -> "reviewed".equals(e.getString("action")) && "node was down".equals(
            e.getJsonObject("detail").getString("note")) && e.getString("actor").equals("root")));
    HttpApi.Reply again = review(id, new JsonObject().put("action", "cancel").put("note", "late"), admin);
    assertEquals(409, again.status(), again.body());
  }

  @Test
  void anAdminCancelsAPayoutPastTheCapAndItsLimitsAreReleased() throws Exception {
    String id = heldForReview(TestService.newAddress().base58());
    HttpApi.Reply cancelled = review(id, new JsonObject().put("action", "cancel").put("note", "paid by hand"),
        admin);
    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals("cancelled", cancelled.json().getString("status"));
    assertEquals(true, chain.stored(id).getBoolean("limits_released"));
    assertTrue(chain.transfers().isEmpty());
  }

  @Test
  void markPaidNeedsATxidTheChainShowsPayingExactlyThisPayout() throws Exception {
    String recipient = TestService.newAddress().base58();
    String id = heldForReview(recipient);
    HotWallet wallet = HotWalletKeyFile.load(dir.resolve("devnet-hot-wallet.key"), false);
    String wrongAmount = ManualTransfer.send(chain, wallet, TronAddress.fromBase58(recipient), Usdt.parse("1"));
    String exact = ManualTransfer.send(chain, wallet, TronAddress.fromBase58(recipient), Usdt.parse("2"));

    HttpApi.Reply refused = review(id, new JsonObject().put("action", "mark_paid").put("txid", wrongAmount)
        .put("note", "paid from the cold wallet"), admin);
    assertEquals(400, refused.status(), refused.body());
    HttpApi.Reply paid = review(id, new JsonObject().put("action", "mark_paid").put("txid", exact)
        .put("note", "paid from the cold wallet"), admin);
    assertEquals(200, paid.status(), paid.body());
    assertEquals("confirmed", paid.json().getString("status"));
    assertEquals(exact, paid.json().getString("txid"));
  }
}
