package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.ServiceProcess;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service on devnet with no configuration: the commands it prints, pasted into a shell, create a payout
 * through the gateway and the real engine, and the payout is then confirmed on the devnet chain.
 */
class DevnetStartTest {
  @TempDir Path dir;

  /** The banner follows the "ready:" line. */
  private static String banner(ServiceProcess service) throws Exception {
    Await.until("the banner in the start-up output", Duration.ofSeconds(10),
        () -> service.lines().stream().anyMatch(l -> l.startsWith("curl -s http")));
    String output = service.output();
    return output.substring(output.indexOf("export TOKEN='"));
  }

  @Test
  @Timeout(120)
  void thePrintedCommandsCreateAPayoutThatIsConfirmed() throws Exception {
    Map<String, String> env = Map.of("DATA_DIR", dir.resolve("data").toString(), "PORT", "0", "METRICS_PORT", "0",
        "DEVNET_BLOCK_MS", "50");
    try (ServiceProcess service = ServiceProcess.service(dir, env).awaitReady(60)) {
      String banner = banner(service);
      String token = banner.substring("export TOKEN='".length(), banner.indexOf("'", "export TOKEN='".length()));
      assertTrue(Files.exists(dir.resolve("data").resolve("devnet-jwt-secret")));

      String script = banner.lines().filter(l -> !l.startsWith("20")).reduce("set -e", (a, b) -> a + "\n" + b)
          + "\necho; echo \"$PAYOUT_ID\"";
      Process shell = new ProcessBuilder("bash", "-c", script).start();
      assertTrue(shell.waitFor(30, TimeUnit.SECONDS));
      String[] out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
      String created = new String(shell.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertEquals(0, shell.exitValue(), created);
      JsonObject payout = new JsonObject(created);
      String id = out[out.length - 1];
      assertEquals(id, payout.getString("payout_id"));
      assertEquals(0, new java.math.BigDecimal("1.50").compareTo(new java.math.BigDecimal(payout.getString("amount_usdt"))));
      assertEquals(payout.getString("payout_id"), new JsonObject(out[0]).getString("payout_id"));

      Http http = new Http(service.gatewayPort());
      String status = Await.atMost(Duration.ofSeconds(60), Duration.ofMillis(100), () -> {
        Http.Response r = http.get("/payouts/" + id, token);
        assertEquals(200, r.status(), r.body());
        String now = r.json().getString("status");
        assertTrue(!now.equals("failed") && !now.equals("cancelled"), r.body());
        return now;
      }, "confirmed"::equals).orElse("not confirmed");
      assertEquals("confirmed", status, service.output());
      JsonObject transaction = http.get("/payouts/" + id + "/transaction", token).json();
      assertTrue(transaction.getString("txid").matches("[0-9a-f]{64}"), transaction.encode());

      GatewayFixture.assertEnvelope(http.get("/admin/wallet", null), ErrorCode.UNAUTHENTICATED);
      assertEquals(143, service.terminate(30));
    }
  }
}
