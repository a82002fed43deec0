package com.lucid.payment.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lucid.payment.devnet.DevnetFault;
import com.lucid.payment.devnet.FaultType;
import com.lucid.payment.devnet.UsdtTransfer;
import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.BusClient;
import com.lucid.payment.testing.TestService;
import com.lucid.payment.bus.BusAddress;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/**
 * Payouts near the wallet's balance while a payout is broadcast and not yet in a block, on a node that shows it at
 * once (java-tron's pending state) and on one that does not: the payout in flight is neither counted twice (a payout
 * that fits what is left goes out before the block) nor missed (one that does not fit waits).
 */
class PendingStateFundsTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "pending state {0}")
  @ValueSource(booleans = {true, false})
  @Timeout(120)
  void aPayoutInFlightIsCountedOnceWhetherTheNodeShowsItOrNot(boolean pendingState) throws Exception {
    try (OperatorNode node = OperatorNode.start(dir, "10", o -> o.withPendingState(pendingState))) {
      Map<String, String> env = node.env(dir);
      // blocks stop while payouts go out: their expiration must outlast the pause
      env.put("TRON_TX_EXPIRATION_SECONDS", "60");
      try (TestService service = TestService.start(env)) {
        BusClient client = new BusClient(service);
        node.devnet.injectFault(DevnetFault.of(FaultType.PAUSE_BLOCKS));
        long head = node.devnet.headBlockNumber();

        String first = client.pay("ops", "first", TestService.newAddress().base58(), "6");
        String firstTxid = Await.until("the first payout broadcast", Duration.ofSeconds(30),
            () -> client.call(BusAddress.PAYOUT_GET, new JsonObject().put("payout_id", first), "admin", "admin"),
            p -> p.getString("txid") != null && node.devnet.requests().stream()
                .anyMatch(r -> r.path().equals("/wallet/broadcasthex"))).getString("txid");
        if (pendingState) {
          Await.until("the node showing it", Duration.ofSeconds(10), () -> !node.post("/wallet/gettransactionbyid",
              new JsonObject().put("value", firstTxid)).isEmpty());
        }

        String tooMuch = client.pay("ops", "too-much", TestService.newAddress().base58(), "5");
        Await.until("the payout beyond what is left held", Duration.ofSeconds(30), () -> "insufficient_usdt".equals(
            get(client, tooMuch).getString("hold_reason")));
        String rest = client.pay("ops", "the-rest", TestService.newAddress().base58(), "4");
        Await.until("the payout of what is left broadcast before the block", Duration.ofSeconds(30),
            () -> get(client, rest).getString("txid") != null);
        assertEquals(head, node.devnet.headBlockNumber(), "both went out with blocks stopped");

        node.devnet.clearFaults();
        client.awaitStatus(first, "confirmed", 60);
        client.awaitStatus(rest, "confirmed", 60);
        JsonObject held = get(client, tooMuch);
        assertEquals("pending", held.getString("status"));
        assertEquals("insufficient_usdt", held.getString("hold_reason"));
        assertEquals(Set.of(6_000_000L, 4_000_000L),
            node.devnet.transfers().stream().map(UsdtTransfer::amount).collect(Collectors.toSet()));
        assertEquals(0L, node.devnet.balance(node.wallet.address().base58()).usdtUnits());
      }
    }
  }

  private static JsonObject get(BusClient client, String id) throws Exception {
    return client.call(BusAddress.PAYOUT_GET, new JsonObject().put("payout_id", id), "admin", "admin");
  }
}
