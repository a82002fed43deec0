package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.testing.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The whole service on devnet with no configuration: it prints an admin token that its own gateway accepts. */
class DevnetStartTest {
  @TempDir Path dir;

  /** The banner follows the "ready:" line. */
  private static String printedToken(ServiceProcess service) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      var line = service.lines().stream().filter(l -> l.startsWith("export TOKEN='")).findFirst();
      if (line.isPresent()) {
        return line.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no token in the start-up output:\n" + service.output());
  }

  @Test
  @Timeout(90)
  void devnetPrintsAnAdminTokenItsGatewayAccepts() throws Exception {
    Map<String, String> env = Map.of("DATA_DIR", dir.resolve("data").toString(), "PORT", "0", "METRICS_PORT", "0");
    try (ServiceProcess service = ServiceProcess.service(dir, env).awaitReady(60)) {
      String export = printedToken(service);
      String token = export.substring("export TOKEN='".length(), export.length() - 1);
      assertTrue(service.output().contains("curl -s -X POST http://127.0.0.1:" + service.gatewayPort()
          + "/api/payment/payouts"), service.output());
      assertTrue(Files.exists(dir.resolve("data").resolve("devnet-jwt-secret")));

      Http http = new Http(service.gatewayPort());
      Http.Response withToken = http.get("/admin/wallet", token);
      assertNotEquals(401, withToken.status(), withToken.body());
      assertNotEquals(403, withToken.status(), withToken.body());
      assertEquals("10", withToken.header("X-RateLimit-Limit").orElseThrow());
      assertEquals(401, http.get("/admin/wallet", null).status());
      assertEquals(143, service.terminate(30));
    }
  }
}
