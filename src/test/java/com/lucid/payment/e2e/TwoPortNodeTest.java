package com.lucid.payment.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.config.ConfigException;
import com.lucid.payment.testing.BusClient;
import com.lucid.payment.testing.ServiceProcess;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's java-tron node with its default layout, the full-node API and the solidity API on two ports: one
 * setting naming both gets payouts confirmed; the full-node URL alone, or the ports swapped, stop the start with one
 * line that names TRON_NODE_URL and says what to write.
 */
class TwoPortNodeTest {
  @TempDir Path dir;

  @Test
  @Timeout(120)
  void oneSettingNamingBothPortsGetsAPayoutConfirmed() throws Exception {
    try (OperatorNode node = OperatorNode.start(dir, "100", o -> o);
        TestService service = TestService.start(node.env(dir))) {
      BusClient client = new BusClient(service);
      String recipient = TestService.newAddress().base58();
      String id = client.pay("ops", "two-ports", recipient, "12.5");
      JsonObject confirmed = client.awaitStatus(id, "confirmed", 90);
      assertEquals(12_500_000L, node.devnet.balance(recipient).usdtUnits());
      assertTrue(confirmed.getString("txid").matches("[0-9a-f]{64}"));
      JsonArray nodes = client.call(BusAddress.HEALTH, new JsonObject(), "admin", "admin").getJsonObject("checks")
          .getJsonObject("tron").getJsonArray("nodes");
      assertEquals(List.of(node.devnet.baseUrl(), node.devnet.solidityUrl()),
          List.of(nodes.getJsonObject(0).getString("url"), nodes.getJsonObject(0).getString("solidity_url")));
    }
  }

  @Test
  @Timeout(60)
  void theFullNodeUrlAloneOrSwappedPortsStopTheStartNamingTheSetting() throws Exception {
    try (OperatorNode node = OperatorNode.start(dir, "100", o -> o)) {
      String full = node.devnet.baseUrl();
      String solidity = node.devnet.solidityUrl();
      Map<String, String> env = node.env(dir);
      env.put("TRON_NODE_URL", solidity + "|" + full);
      ConfigException swapped = assertThrows(ConfigException.class, () -> TestService.start(env));
      assertEquals("TRON_NODE_URL: node 1's full-node URL " + solidity + " serves /walletsolidity but no /wallet "
          + "(HTTP 405, text/html;charset=iso-8859-1): it is a solidity port; give the full-node URL first: "
          + "FULL_URL|SOLIDITY_URL", swapped.getMessage());

      try (ServiceProcess process = ServiceProcess.service(dir, Map.of("DATA_DIR", dir.resolve("p").toString(),
          "PORT", "0", "METRICS_PORT", "0", "TRON_NODE_URL", full))) {
        assertEquals(2, process.waitForExit(45), process.output());
        List<String> lines = process.output().strip().lines().toList();
        assertEquals("configuration error: TRON_NODE_URL: " + full + " serves no /walletsolidity (HTTP 405, "
            + "text/html;charset=iso-8859-1): java-tron serves it on its solidity port (8091 by default); give both: "
            + "TRON_NODE_URL=" + full + "|SOLIDITY_URL", lines.get(lines.size() - 1));
      }
    }
  }
}
