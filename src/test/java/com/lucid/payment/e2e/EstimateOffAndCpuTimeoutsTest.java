package com.lucid.payment.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.devnet.DevnetFault;
import com.lucid.payment.devnet.FaultType;
import com.lucid.payment.devnet.SeenRequest;
import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.BusClient;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node as java-tron is by default (estimateenergy off) and under load (constant calls out of CPU time): every
 * payout settles, each fee limit from triggerconstantcontract's energy_used, never made up; while every call times
 * out nothing is signed.
 */
class EstimateOffAndCpuTimeoutsTest {
  /** 130,285 energy (a recipient's first USDT) × 100 sun × 1.3. */
  static final long FEE_LIMIT = 16_937_050L;

  @TempDir Path dir;

  @Test
  @Timeout(120)
  void everyPayoutSettlesWithItsFeeLimitFromTheConstantCall() throws Exception {
    try (OperatorNode node = OperatorNode.start(dir, "1000", o -> o.withEstimateEnergy(false));
        TestService service = TestService.start(node.env(dir))) {
      BusClient client = new BusClient(service);
      String stuck = node.devnet.injectFault(DevnetFault.of(FaultType.CPU_TIMEOUT));
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ids.add(client.pay("ops", "cpu-" + i, TestService.newAddress().base58(), (i + 1) + ".25"));
      }
      for (String id : ids) {
        Await.until("payout " + id + " waiting for the node", Duration.ofSeconds(30),
            () -> "tron_unavailable".equals(get(client, id).getString("hold_reason")));
      }
      assertEquals(0, count(node, "/wallet/broadcasthex"), "nothing signed while every constant call times out");

      node.devnet.clearFault(stuck);
      for (int i = 0; i < 3; i++) {
        // each call answered after two timeouts: within the client's three tries
        node.devnet.injectFault(DevnetFault.of(FaultType.CPU_TIMEOUT).times(2));
      }
      for (String id : ids) {
        String txid = client.awaitStatus(id, "confirmed", 90).getString("txid");
        assertEquals(FEE_LIMIT, node.feeLimitOf(txid), "energy_used × energy price × margin, not the cap");
      }
      // signed together, the first round's payouts may each have asked before the first answer came
      long asked = count(node, "/wallet/estimateenergy");
      String later = client.pay("ops", "cpu-later", TestService.newAddress().base58(), "1");
      assertEquals(FEE_LIMIT, node.feeLimitOf(client.awaitStatus(later, "confirmed", 60).getString("txid")));
      assertEquals(asked, count(node, "/wallet/estimateenergy"), "a node that cannot estimate is not asked again");
    }
  }

  private static long count(OperatorNode node, String path) {
    return node.devnet.requests().stream().map(SeenRequest::path).filter(path::equals).count();
  }

  private static JsonObject get(BusClient client, String id) throws Exception {
    return client.call(BusAddress.PAYOUT_GET, new JsonObject().put("payout_id", id), "admin", "admin");
  }
}
