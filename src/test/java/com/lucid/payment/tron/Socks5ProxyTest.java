package com.lucid.payment.tron;

import static com.lucid.payment.tron.ClientOnDevnet.USDT;
import static com.lucid.payment.tron.ClientOnDevnet.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.devnet.SeenRequest;
import com.lucid.payment.tron.api.AttemptFate;
import com.lucid.payment.tron.api.BroadcastOutcome;
import com.lucid.payment.tron.api.AttemptRef;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.api.TransferOrder;
import com.lucid.payment.tron.api.WalletStatus;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.chain.TronAddress;
import com.lucid.payment.tron.node.NodeClient;
import com.lucid.payment.tron.node.NodeSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * TOR_PROXY: every TRON request goes through a real SOCKS5 server (microsocks, its outgoing connections bound to
 * 127.0.0.2, so the devnet sees where each request came from), and with the proxy down nothing goes direct.
 */
@ExtendWith(VertxExtension.class)
@Timeout(30)
class Socks5ProxyTest {
  @TempDir Path dir;

  @Test
  void everyTronRequestGoesThroughTheProxyAndNoneGoesDirectOnceItIsDown(Vertx vertx) throws Exception {
    Microsocks proxy = Microsocks.start("127.0.0.2");
    ClientOnDevnet tron = ClientOnDevnet.start(vertx, dir, Map.of("TOR_PROXY", "socks5://127.0.0.1:" + proxy.port(),
        "TOR_ONLY", "true"), d -> List.of(d.baseUrl()));
    try {
      TronAddress recipient = HotWallet.generate(new SecureRandom()).address();
      SignedAttempt attempt = tron.call(BusAddress.TRON_SIGN, tron.order("po_tor", recipient, USDT));
      assertEquals(BroadcastOutcome.Kind.ACCEPTED,
          tron.<BroadcastOutcome>call(BusAddress.TRON_BROADCAST, tron.ref(attempt)).kind());
      AttemptRef query = tron.ref(attempt);
      eventually(() -> tron.call(BusAddress.TRON_FATE, query), f -> f instanceof AttemptFate.Confirmed);
      tron.<WalletStatus>call(BusAddress.TRON_WALLET, new JsonObject());

      List<SeenRequest> seen = tron.devnet.requests();
      Set<String> paths = seen.stream().map(SeenRequest::path).collect(Collectors.toSet());
      assertTrue(paths.containsAll(Set.of("/wallet/broadcasthex", "/walletsolidity/gettransactioninfobyid",
          "/wallet/getaccount", "/wallet/estimateenergy")), "paths " + paths);
      assertEquals(Set.of("127.0.0.2"), seen.stream().map(SeenRequest::remoteHost).collect(Collectors.toSet()));

      proxy.close();
      int before = tron.devnet.requests().size();
      ReplyException down = tron.failure(BusAddress.TRON_WALLET, new JsonObject());
      assertEquals(503, down.failureCode());
      BroadcastOutcome unsent = tron.call(BusAddress.TRON_BROADCAST, tron.ref(attempt));
      assertEquals(BroadcastOutcome.Kind.UNAVAILABLE, unsent.kind());
      assertEquals(before, tron.devnet.requests().size(), "nothing reached the node directly");
    } finally {
      proxy.close();
      tron.stop();
    }
  }

  @Test
  void aTorOnlyClientIsNeverBuiltWithoutAProxy(Vertx vertx) {
    NodeSettings direct = new NodeSettings(List.of(ServiceConfig.TronNode.of("http://127.0.0.1:1")), Optional.empty(),
        Optional.empty(), true, new ServiceConfig.Nodes(1000, 1000, 1000, 1, 1000), Optional.empty());
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> new NodeClient(vertx, direct, new SimpleMeterRegistry()));
    assertFalse(refused.getMessage().contains("127.0.0.1"));
  }
}
