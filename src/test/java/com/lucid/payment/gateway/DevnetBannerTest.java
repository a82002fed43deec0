package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.config.ServiceConfig;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The devnet banner's commands, pasted into a shell as they are printed, create a payout and fetch it. */
@Timeout(60)
class DevnetBannerTest extends GatewayFixture {
  @Test
  void thePrintedCommandsWorkWhenPasted() throws Exception {
    ServiceConfig.Jwt jwt = gatewayConfig().jwt();
    String banner = DevnetBanner.text(jwt, "127.0.0.1", gateway.actualPort(), Instant.now());
    assertTrue(banner.contains("export TOKEN='"), banner);
    assertTrue(banner.contains("valid for 60 minutes"), banner);

    String script = banner.lines().filter(l -> !l.isBlank() && !l.startsWith("devnet is ready"))
        .reduce("set -e", (a, b) -> a + "\n" + b);
    Process shell = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
    assertTrue(shell.waitFor(30, TimeUnit.SECONDS));
    String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, shell.exitValue(), output);

    JsonObject created = engine.received().get(0).body();
    assertEquals(BusAddress.PAYOUT_CREATE, engine.received().get(0).address());
    assertEquals(DevnetBanner.RECIPIENT, created.getJsonObject("request").getString("recipient_address"));
    assertEquals("1.50", created.getJsonObject("request").getString("amount_usdt"));
    assertTrue(created.getString("idempotency_key").startsWith("devnet-"));
    assertEquals("admin", engine.received().get(0).caller().role());
    assertEquals(BusAddress.PAYOUT_GET, engine.last().address());
    assertEquals(EngineDouble.PAYOUT_ID, engine.last().body().getString("payout_id"));
    assertTrue(output.strip().endsWith("}"), output);
  }
}
