package com.lucid.payment.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.Usdt;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.devnet.DevnetFault;
import com.lucid.payment.devnet.FaultType;
import com.lucid.payment.devnet.UsdtTransfer;
import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.BusClient;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the TRON node injected through the devnet's control: whatever the node does, every accepted payout is
 * paid exactly once, nothing else moves, and a payout that waits says why.
 */
class NodeFaultsTest {
  @TempDir Path dir;
  private TestService service;

  @AfterEach
  void tearDown() throws Exception {
    if (service != null) {
      service.close();
    }
  }

  private BusClient start() throws Exception {
    Map<String, String> env = TestService.fastEnv(dir);
    env.put("TRON_REQUEST_TIMEOUT_MS", "700");
    env.put("TRON_BREAKER_RESET_MS", "500");
    service = TestService.start(env);
    return new BusClient(service);
  }

  /** recipient → payout id, one fresh recipient per payout so the ledger tells them apart. */
  private Map<String, String> payMany(BusClient client, int count, String prefix) throws Exception {
    Map<String, String> byRecipient = new HashMap<>();
    for (int i = 0; i < count; i++) {
      String recipient = TestService.newAddress().base58();
      byRecipient.put(recipient, client.pay("ops", prefix + i, recipient, (i + 1) + ".25"));
    }
    return byRecipient;
  }

  private void assertPaidExactlyOnce(Map<String, String> byRecipient, BusClient client) throws Exception {
    for (Map.Entry<String, String> e : byRecipient.entrySet()) {
      client.awaitStatus(e.getValue(), "confirmed", 90);
    }
    Map<String, List<UsdtTransfer>> transfers = service.devnet().transfers().stream()
        .collect(Collectors.groupingBy(UsdtTransfer::to));
    assertEquals(byRecipient.keySet(), transfers.keySet(), "USDT moved to exactly the payout recipients");
    for (Map.Entry<String, String> e : byRecipient.entrySet()) {
      List<UsdtTransfer> paid = transfers.get(e.getKey());
      assertEquals(1, paid.size(), "payout " + e.getValue() + " paid " + paid.size() + " times");
      JsonObject payout = client.call(BusAddress.PAYOUT_GET, new JsonObject().put("payout_id", e.getValue()),
          "admin", "admin");
      assertEquals(com.lucid.payment.api.Usdt.parse(payout.getString("amount_usdt")), paid.get(0).amount());
      assertEquals(paid.get(0).txid(), payout.getString("txid"));
    }
  }

  @Test
  @Timeout(180)
  void droppedBusyFailingAndNeverIncludedBroadcastsStillPayEachPayoutOnce() throws Exception {
    BusClient client = start();
    service.devnet().injectFault(DevnetFault.of(FaultType.DROP_BROADCAST).times(3));
    service.devnet().injectFault(DevnetFault.of(FaultType.SERVER_BUSY).times(3));
    service.devnet().injectFault(DevnetFault.of(FaultType.NEVER_INCLUDE).times(2));
    service.devnet().injectFault(DevnetFault.of(FaultType.HTTP_ERROR).onPath("/wallet/broadcasthex").status(500)
        .times(3));
    service.devnet().injectFault(DevnetFault.of(FaultType.TIMEOUT).onPath("/walletsolidity/gettransactioninfobyid")
        .delayMs(0).times(3));
    Map<String, String> payouts = payMany(client, 8, "fault-");
    assertPaidExactlyOnce(payouts, client);
  }

  @Test
  @Timeout(180)
  void pausedBlocksDelayButNeverDuplicate() throws Exception {
    BusClient client = start();
    String pause = service.devnet().injectFault(DevnetFault.of(FaultType.PAUSE_BLOCKS));
    Map<String, String> payouts = payMany(client, 4, "paused-");
    // the scenario's own pause, not a wait: no block for longer than the 3 s expiration window, so the attempts
    // expire unincluded and must be proven dead and re-signed
    Thread.sleep(4_000);
    service.devnet().clearFault(pause);
    assertPaidExactlyOnce(payouts, client);
  }

  @Test
  @Timeout(180)
  void aNodeThatIsDownHoldsPayoutsWithAReasonUntilItIsBack() throws Exception {
    BusClient client = start();
    String outage = service.devnet().injectFault(DevnetFault.of(FaultType.HTTP_ERROR).status(503));
    Map<String, String> payouts = payMany(client, 3, "down-");
    for (String id : payouts.values()) {
      JsonObject held = awaitHold(client, id);
      assertEquals("pending", held.getString("status"));
      assertEquals("tron_unavailable", held.getString("hold_reason"));
    }
    assertTrue(service.devnet().transfers().isEmpty());
    service.devnet().clearFault(outage);
    assertPaidExactlyOnce(payouts, client);
  }

  private JsonObject awaitHold(BusClient client, String id) throws Exception {
    return Await.until("payout " + id + " to say why it waits", Duration.ofSeconds(30),
        () -> client.call(BusAddress.PAYOUT_GET, new JsonObject().put("payout_id", id), "admin", "admin"),
        p -> p.getString("hold_reason") != null);
  }
}
