package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.bus.BusAddress;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Admin routes need payment:admin; what each sends to the engine. */
@Timeout(30)
class AdminRoutesTest extends GatewayFixture {
  private final String admin = token("root", Role.ADMIN);

  private Http.Response call(String method, String path, String token, String body) throws Exception {
    return http.send(method, path, token, body);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Role.class, names = {"SERVICE", "NODE_OPERATOR", "END_USER"})
  void rolesWithoutPaymentAdminAreRefusedEveryAdminRoute(Role role) throws Exception {
    String token = token("someone", role);
    String[][] routes = {{"GET", "/admin/wallet", null}, {"POST", "/admin/wallet/stake", "{\"amount_trx\":\"10\"}"},
        {"POST", "/admin/pause", null}, {"POST", "/admin/resume", null}, {"GET", "/admin/circuit-breaker", null},
        {"POST", "/admin/circuit-breaker", "{\"action\":\"reset\"}"}};
    for (String[] route : routes) {
      JsonObject error = assertEnvelope(call(route[0], route[1], token, route[2]), ErrorCode.FORBIDDEN);
      assertEquals("payment:admin", error.getJsonObject("details").getString("required_permission"));
    }
    assertTrue(engine.received().isEmpty());
  }

  @Test
  void walletStakePauseAndResumeReachTheirAddresses() throws Exception {
    assertEquals("5000", call("GET", "/admin/wallet", admin, null).json().getString("usdt"));
    assertEquals(new JsonObject(), engine.last().body());
    assertEquals(BusAddress.ADMIN_WALLET, engine.last().address());

    String stake = "{\"amount_trx\":\"250.5\",\"resource\":\"ENERGY\"}";
    assertEquals(200, call("POST", "/admin/wallet/stake", admin, stake).status());
    assertEquals(new JsonObject(stake), engine.last().body());
    assertEnvelope(call("POST", "/admin/wallet/stake", admin, null), ErrorCode.INVALID_REQUEST);

    assertEquals(true, call("POST", "/admin/pause", admin, "{\"reason\":\"audit\"}").json().getBoolean("paused"));
    assertEquals(new JsonObject().put("reason", "audit"), engine.last().body());
    assertEquals(200, call("POST", "/admin/pause", admin, null).status());
    assertEquals(new JsonObject(), engine.last().body());
    int before = engine.received().size();
    Http.Response form = http.send("POST", "/admin/pause", admin, "reason=audit", "Content-Type",
        "application/x-www-form-urlencoded");
    assertEnvelope(form, ErrorCode.INVALID_REQUEST);
    assertEquals(before, engine.received().size());

    assertEquals(false, call("POST", "/admin/resume", admin, null).json().getBoolean("paused"));
    assertEquals(BusAddress.ADMIN_RESUME, engine.last().address());
    assertEquals("root", engine.last().caller().userId());
    assertEquals("admin", engine.last().caller().role());
  }

  @Test
  void theBreakerIsReadByGetAndTrippedOrResetByPost() throws Exception {
    assertEquals("closed", call("GET", "/admin/circuit-breaker", admin, null).json().getString("state"));
    assertEquals(new JsonObject().put("action", "get"), engine.last().body());

    String trip = "{\"action\":\"trip\",\"reason\":\"suspicious recipient\"}";
    assertEquals("open", call("POST", "/admin/circuit-breaker", admin, trip).json().getString("state"));
    assertEquals(new JsonObject(trip), engine.last().body());

    int before = engine.received().size();
    for (String wrong : new String[] {"{\"action\":\"get\"}", "{\"reason\":\"x\"}", "{\"action\":\"TRIP\"}"}) {
      assertEnvelope(call("POST", "/admin/circuit-breaker", admin, wrong), ErrorCode.INVALID_REQUEST);
    }
    assertEquals(before, engine.received().size());
  }
}
