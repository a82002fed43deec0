package com.lucid.payment.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.lucid.payment.api.Role;
import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.HttpApi;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hot wallet that cannot pay everything: payouts beyond its USDT, counting what payouts in flight already take, are
 * held with a reason instead of being sent to fail on chain, and go out once the wallet is funded.
 */
class WalletFundsTest {
  @TempDir Path dir;
  private TestService service;

  @AfterEach
  void tearDown() throws Exception {
    service.close();
  }

  @Test
  @Timeout(120)
  void payoutsBeyondTheWalletAreHeldUntilItIsFunded() throws Exception {
    Map<String, String> env = TestService.fastEnv(dir);
    env.put("DEVNET_FUND_USDT", "10");
    service = TestService.start(env);
    HttpApi api = new HttpApi(service.api());
    String admin = service.token("root", Role.ADMIN);
    String wallet = api.get("/admin/wallet", admin).json().getString("address");

    List<String> ids = List.of(pay(api, admin, "first"), pay(api, admin, "second"));
    JsonObject confirmed = await(api, admin, ids, "status", "confirmed");
    JsonObject held = await(api, admin, ids, "hold_reason", "insufficient_usdt");
    assertEquals("pending", held.getString("status"), held.encode());
    assertEquals(1, service.devnet().transfers().size(), "only what the wallet can pay is sent");
    assertEquals(4_000_000L, service.devnet().balance(wallet).usdtUnits());

    service.devnet().fund(wallet, 0, 10_000_000L);
    String waiting = held.getString("payout_id");
    await(api, admin, List.of(waiting), "status", "confirmed");
    assertEquals(2, service.devnet().transfers().size());
    assertEquals(8_000_000L, service.devnet().balance(wallet).usdtUnits());
    assertNotEquals(confirmed.getString("payout_id"), waiting);
  }

  private static String pay(HttpApi api, String token, String key) throws Exception {
    JsonObject body = new JsonObject().put("recipient_address", TestService.newAddress().base58())
        .put("amount_usdt", "6").put("reason", "funds").put("router_type", "PayoutRouterV0");
    HttpApi.Reply reply = api.post("/payouts", token, body.encode(), Map.of("Idempotency-Key", key));
    assertEquals(201, reply.status(), reply.body());
    return reply.json().getString("payout_id");
  }

  /** The first of the payouts whose field reaches the value. */
  private static JsonObject await(HttpApi api, String token, List<String> ids, String field, String value)
      throws Exception {
    return Await.until("a payout to reach " + field + "=" + value, Duration.ofSeconds(60), () -> {
      for (String id : ids) {
        JsonObject p = api.get("/payouts/" + id, token).json();
        if (value.equals(p.getString(field))) {
          return p;
        }
      }
      return null;
    }, p -> p != null);
  }
}
