package com.lucid.payment.tron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.app.Application;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.Plane;
import com.lucid.payment.bus.PlaneBus;
import com.lucid.payment.config.ConfigLoader;
import com.lucid.payment.devnet.DevnetHandle;
import com.lucid.payment.tron.api.WalletStatus;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** With TRON_NETWORK=devnet and no TRON_NODE_URL the service runs its own devnet and funds its hot wallet. */
class EmbeddedDevnetTest {
  @TempDir Path dir;

  @Test
  @Timeout(60)
  void theServiceStartsAFundedDevnetAndKeepsItsHotWalletAcrossRestarts() throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("DATA_DIR", dir.toString(), "PORT", "0", "METRICS_PORT", "0",
        "DEVNET_BLOCK_MS", "50", "DEVNET_FUND_TRX", "500", "DEVNET_FUND_USDT", "700"));
    String firstAddress;
    Application app = Application.start(ConfigLoader.load(env)).await(30, TimeUnit.SECONDS);
    try {
      WalletStatus wallet = walletOf(app);
      firstAddress = wallet.address().base58();
      assertEquals(500_000_000L, wallet.trxSun());
      assertEquals(700_000_000L, wallet.usdtUnits());
      DevnetHandle devnet = app.devnet().orElseThrow();
      assertTrue(devnet.baseUrl().startsWith("http://127.0.0.1:"));
      assertEquals(404, get(devnet.baseUrl() + "/devnet/control/faults").statusCode(), "control is off by default");
      JsonObject health = new JsonObject(get("http://127.0.0.1:" + app.managementPort() + "/health").body());
      assertEquals("up", health.getJsonObject("checks").getJsonObject("tron").getString("status"));
      String metrics = get("http://127.0.0.1:" + app.managementPort() + "/metrics").body();
      assertTrue(metrics.contains("tron_network_latency_seconds_count{operation=\"getnowblock\"}"), metrics);
      assertTrue(metrics.contains("tron_node_breaker_state{node=\"" + devnet.baseUrl() + "\"} 0.0"), metrics);
    } finally {
      app.stop().await(30, TimeUnit.SECONDS);
    }

    env.put("DEVNET_CONTROL", "true");
    Application again = Application.start(ConfigLoader.load(env)).await(30, TimeUnit.SECONDS);
    try {
      assertEquals(firstAddress, walletOf(again).address().base58());
      assertEquals(200, get(again.devnet().orElseThrow().baseUrl() + "/devnet/control/faults").statusCode());
    } finally {
      again.stop().await(30, TimeUnit.SECONDS);
    }
  }

  private static WalletStatus walletOf(Application app) throws Exception {
    return new PlaneBus(app.vertx().eventBus(), Plane.WALLET)
        .<WalletStatus>request(BusAddress.TRON_WALLET, new JsonObject()).await(20, TimeUnit.SECONDS);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
