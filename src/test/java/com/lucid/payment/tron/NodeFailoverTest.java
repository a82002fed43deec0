package com.lucid.payment.tron;

import static com.lucid.payment.tron.ClientOnDevnet.USDT;
import static com.lucid.payment.tron.ClientOnDevnet.await;
import static com.lucid.payment.tron.ClientOnDevnet.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.devnet.Devnet;
import com.lucid.payment.devnet.DevnetFault;
import com.lucid.payment.devnet.DevnetHandle;
import com.lucid.payment.devnet.FaultType;
import com.lucid.payment.tron.api.AttemptFate;
import com.lucid.payment.tron.api.BroadcastOutcome;
import com.lucid.payment.tron.api.AttemptRef;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.api.TransferOrder;
import com.lucid.payment.tron.api.WalletStatus;
import com.lucid.payment.tron.chain.Hex;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.chain.SignedTransfer;
import com.lucid.payment.tron.chain.TransferRequest;
import com.lucid.payment.tron.chain.Trc20Transfers;
import com.lucid.payment.tron.chain.TronAddress;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Dead, failing and busy nodes open their circuit breakers; the client goes on with the next node. */
@ExtendWith(VertxExtension.class)
@Timeout(30)
class NodeFailoverTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir Path dir;

  @Test
  void aClosedPortOpensItsBreakerAndTheNextNodeAnswers(Vertx vertx) throws IOException {
    String dead = "http://127.0.0.1:" + closedPort();
    ClientOnDevnet tron = ClientOnDevnet.start(vertx, dir, Map.of(), d -> List.of(dead, d.baseUrl()));
    try {
      for (int i = 0; i < 3; i++) {
        WalletStatus status = tron.call(BusAddress.TRON_WALLET, new JsonObject());
        assertEquals(1_000 * USDT, status.usdtUnits());
      }
      JsonArray nodes = tron.<JsonObject>call(BusAddress.TRON_STATUS, new JsonObject()).getJsonArray("nodes");
      assertEquals("open", nodes.getJsonObject(0).getString("breaker"));
      assertEquals("closed", nodes.getJsonObject(1).getString("breaker"));
      assertEquals(2.0, tron.registry.get("tron_node_breaker_state").tag("node", dead).gauge().value());
      assertTrue(tron.registry.get("tron_network_errors_total").tag("error_type", "transport").counters().stream()
          .mapToDouble(c -> c.count()).sum() >= 2);
      assertTrue(tron.registry.get("tron_network_latency_seconds").tag("operation", "getnowblock").timer().count() > 0);
    } finally {
      tron.stop();
    }
  }

  @Test
  void aNodeAnswering503IsSkippedAndAPayoutConfirmsThroughTheNext(Vertx vertx) {
    DevnetHandle failing = await(Devnet.start(vertx, ClientOnDevnet.devnetOptions()));
    failing.injectFault(DevnetFault.of(FaultType.HTTP_ERROR).status(503));
    ClientOnDevnet tron = ClientOnDevnet.start(vertx, dir, Map.of(), d -> List.of(failing.baseUrl(), d.baseUrl()));
    try {
      TronAddress recipient = HotWallet.generate(RANDOM).address();
      SignedAttempt attempt = tron.call(BusAddress.TRON_SIGN, tron.order("po_f1", recipient, 2 * USDT));
      assertEquals(BroadcastOutcome.Kind.ACCEPTED,
          tron.<BroadcastOutcome>call(BusAddress.TRON_BROADCAST, tron.ref(attempt)).kind());
      AttemptRef query = tron.ref(attempt);
      AttemptFate fate = eventually(() -> tron.call(BusAddress.TRON_FATE, query),
          f -> f instanceof AttemptFate.Confirmed);
      assertInstanceOf(AttemptFate.Confirmed.class, fate);
      assertEquals(2 * USDT, tron.devnet.balance(recipient.base58()).usdtUnits());
      JsonArray nodes = tron.<JsonObject>call(BusAddress.TRON_STATUS, new JsonObject()).getJsonArray("nodes");
      assertEquals("open", nodes.getJsonObject(0).getString("breaker"));
      assertTrue(tron.registry.get("tron_network_errors_total").tag("error_type", "http_5xx").counters().stream()
          .mapToDouble(c -> c.count()).sum() >= 2);
    } finally {
      tron.stop();
      await(failing.close());
    }
  }

  @Test
  void aBusyNodeSendsTheBroadcastToTheNextAndOpensAfterTwoInARow(Vertx vertx) {
    ClientOnDevnet tron = ClientOnDevnet.start(vertx, dir, Map.of(), d -> List.of(d.baseUrl(), d.baseUrl()));
    try {
      // signed first: the breaker counts consecutive failures, and a node's successful answers reset the count
      List<SignedAttempt> attempts = List.of(
          tron.call(BusAddress.TRON_SIGN, tron.order("po_busy1", HotWallet.generate(RANDOM).address(), USDT)),
          tron.call(BusAddress.TRON_SIGN, tron.order("po_busy2", HotWallet.generate(RANDOM).address(), USDT)));
      for (SignedAttempt attempt : attempts) {
        tron.devnet.injectFault(DevnetFault.of(FaultType.SERVER_BUSY).times(1));
        assertEquals(BroadcastOutcome.Kind.ACCEPTED,
            tron.<BroadcastOutcome>call(BusAddress.TRON_BROADCAST, tron.ref(attempt)).kind());
      }
      JsonArray nodes = tron.<JsonObject>call(BusAddress.TRON_STATUS, new JsonObject()).getJsonArray("nodes");
      assertEquals("open", nodes.getJsonObject(0).getString("breaker"));
      assertEquals("closed", nodes.getJsonObject(1).getString("breaker"));
      assertEquals(2.0, tron.registry.get("tron_network_errors_total").tag("error_type", "server_busy")
          .tag("operation", "broadcasthex").counter().count());
    } finally {
      tron.stop();
    }
  }

  @Test
  void withEveryNodeDownCallersGet503AndBroadcastsAreUnavailable(Vertx vertx) throws IOException {
    List<String> dead = List.of("http://127.0.0.1:" + closedPort(), "http://127.0.0.1:" + closedPort());
    ClientOnDevnet tron = ClientOnDevnet.start(vertx, dir, Map.of(), d -> dead);
    try {
      ReplyException down = tron.failure(BusAddress.TRON_SIGN,
          tron.order("po_down", HotWallet.generate(RANDOM).address(), USDT));
      assertEquals(503, down.failureCode());
      ApiFailure failure = ApiFailure.from(down);
      assertEquals(ErrorCode.UNAVAILABLE, failure.code());
      assertTrue(failure.getMessage().startsWith("no TRON node answered"), failure.getMessage());
      assertFalse(down.getMessage().contains("127.0.0.1"), "no node URL in errors: " + down.getMessage());

      BroadcastOutcome outcome = tron.call(BusAddress.TRON_BROADCAST, tron.ref(anySignedAttempt(tron)));
      assertEquals(BroadcastOutcome.Kind.UNAVAILABLE, outcome.kind());
      assertEquals("NO_NODE", outcome.code());
      JsonObject status = tron.call(BusAddress.TRON_STATUS, new JsonObject());
      assertEquals("down", status.getString("status"));
    } finally {
      tron.stop();
    }
  }

  @Test
  void theApiKeyGoesToEveryNodeAndNowhereElse(Vertx vertx) {
    List<String> keys = new CopyOnWriteArrayList<>();
    HttpServer recorder = await(vertx.createHttpServer().requestHandler(req -> {
      keys.add(String.valueOf(req.getHeader("TRON-PRO-API-KEY")));
      req.response().setStatusCode(429).end();
    }).listen(0, "127.0.0.1"));
    String secret = "4f7c1e2a-secret-api-key";
    ClientOnDevnet tron = ClientOnDevnet.start(vertx, dir, Map.of("TRON_API_KEY", secret),
        d -> List.of("http://127.0.0.1:" + recorder.actualPort(), d.baseUrl()));
    try {
      tron.<WalletStatus>call(BusAddress.TRON_WALLET, new JsonObject());
      assertFalse(keys.isEmpty());
      assertTrue(keys.stream().allMatch(secret::equals), "keys seen " + keys);
      assertTrue(tron.registry.get("tron_network_errors_total").tag("error_type", "rate_limited").counters()
          .stream().mapToDouble(c -> c.count()).sum() >= 1);
      String status = tron.<JsonObject>call(BusAddress.TRON_STATUS, new JsonObject()).encode();
      assertFalse(status.contains(secret));
      assertFalse(tron.config.toString().contains(secret));
    } finally {
      tron.stop();
      await(recorder.close());
    }
  }

  private static SignedAttempt anySignedAttempt(ClientOnDevnet tron) {
    long now = System.currentTimeMillis();
    byte[] blockId = new byte[32];
    RANDOM.nextBytes(blockId);
    TronAddress recipient = HotWallet.generate(RANDOM).address();
    TransferRequest request = new TransferRequest(tron.wallet.address(), tron.usdt(), recipient, USDT, 1_000_000L, 1,
        Hex.encode(blockId), now + 3_000, now);
    SignedTransfer signed = tron.wallet.sign(Trc20Transfers.build(request));
    tron.payout("po_any", recipient, USDT);
    return tron.sealed("po_any", 1, signed, now + 3_000, 1_000_000L, 1, now);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
