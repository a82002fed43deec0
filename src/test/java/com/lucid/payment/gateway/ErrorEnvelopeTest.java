package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.BusHeaders;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every error a client can get is the envelope, with the right status and code, and nothing internal. */
@Timeout(30)
class ErrorEnvelopeTest extends GatewayFixture {
  private static final String PAYOUT = "/payouts/" + EngineDouble.PAYOUT_ID;
  private final String alice = token("alice", Role.END_USER);

  @Test
  void unknownRoutesAreRouteNotFound() throws Exception {
    assertEnvelope(http.get("/nothing-here", alice), ErrorCode.ROUTE_NOT_FOUND);
    assertEnvelope(http.get("/payouts/" + EngineDouble.PAYOUT_ID + "/refund", alice), ErrorCode.ROUTE_NOT_FOUND);
  }

  @Test
  void aKnownRouteWithAnotherMethodIs405WithAllow() throws Exception {
    Http.Response r = http.send("DELETE", "/payouts", alice, null);
    assertEquals(405, r.status());
    assertEnvelope(r, ErrorCode.ROUTE_NOT_FOUND.code());
    assertEquals("POST, GET", r.header("Allow").orElseThrow());
    Http.Response put = http.send("PUT", PAYOUT + "/cancel", alice, "{}");
    assertEquals(405, put.status());
    assertEquals("POST", put.header("Allow").orElseThrow());
    assertTrue(engine.received().isEmpty());
  }

  @Test
  void anEngineFailureReachesTheClientWithItsCodeMessageAndDetails() throws Exception {
    engine.answer(BusAddress.PAYOUT_CANCEL, m -> new ApiFailure(ErrorCode.INVALID_STATE,
        "the payout is already signed", new JsonObject().put("status", "processing")));
    JsonObject error = assertEnvelope(http.post(PAYOUT + "/cancel", alice, null), ErrorCode.INVALID_STATE);
    assertEquals("the payout is already signed", error.getString("message"));
    assertEquals(new JsonObject().put("status", "processing"), error.getJsonObject("details"));

    engine.answer(BusAddress.PAYOUT_CREATE, m -> new ApiFailure(ErrorCode.IDEMPOTENCY_MISMATCH, "key reused"));
    assertEnvelope(http.post("/payouts", alice, "{}", "Idempotency-Key", "k"), ErrorCode.IDEMPOTENCY_MISMATCH);
    engine.answer(BusAddress.PAYOUT_GET, m -> new ApiFailure(ErrorCode.TRON_NETWORK, "TRON is unreachable"));
    assertEnvelope(http.get(PAYOUT, alice), ErrorCode.TRON_NETWORK);
  }

  @Test
  void anEngineCrashIsAnInternalErrorThatShowsNothingOfIt() throws Exception {
    engine.answer(BusAddress.PAYOUT_GET, m -> new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 500,
        "java.lang.NullPointerException: at com.lucid.payment.payout.Engine.get(Engine.java:42) mongodb://u:p@db"));
    JsonObject error = assertEnvelope(http.get(PAYOUT, alice), ErrorCode.INTERNAL);
    assertEquals("internal error", error.getString("message"));
    engine.answer(BusAddress.PAYOUT_GET, m -> "not an object");
    assertEnvelope(http.get(PAYOUT, alice), ErrorCode.INTERNAL);
  }

  @Test
  void aBusAclDenialIsForbiddenWithoutNamingPlanesOrAddresses() throws Exception {
    // a sender that does not say its plane is refused by the real PlaneAcl at delivery
    vertx.eventBus().addOutboundInterceptor(ctx -> {
      if (ctx.message().address().equals(BusAddress.PAYOUT_TRANSACTION.address())) {
        ctx.message().headers().remove(BusHeaders.PLANE);
      }
      ctx.next();
    });
    Http.Response r = http.get(PAYOUT + "/transaction", alice);
    JsonObject error = assertEnvelope(r, ErrorCode.FORBIDDEN);
    assertTrue(!error.getString("message").contains("plane ops") && !r.body().contains("unknown"), r.body());
    assertTrue(engine.received().isEmpty());
  }

  @Test
  void anEngineThatIsNotThereIsUnavailable() throws Exception {
    engine.unregister(BusAddress.PAYOUT_GET);
    JsonObject error = assertEnvelope(http.get(PAYOUT, alice), ErrorCode.UNAVAILABLE);
    assertEquals("the payout service is unavailable, try again", error.getString("message"));
    engine.unregister(BusAddress.HEALTH);
    assertEnvelope(http.get("/health", null), ErrorCode.UNAVAILABLE);
  }

  @Test
  void theRequestIdIsEchoedWhenSaneAndReplacedWhenNot() throws Exception {
    Http.Response sane = http.send("GET", PAYOUT, alice, null, "X-Request-ID", "gui:7f3a.B_9-1");
    assertEquals("gui:7f3a.B_9-1", sane.header("X-Request-ID").orElseThrow());
    assertEquals("gui:7f3a.B_9-1", engine.last().caller().requestId());
    for (String insane : new String[] {"has space", "x".repeat(65), "semi;colon", "<script>"}) {
      Http.Response r = http.send("GET", "/nope", alice, null, "X-Request-ID", insane);
      String replaced = r.header("X-Request-ID").orElseThrow();
      assertNotEquals(insane, replaced);
      assertTrue(replaced.matches("req_[0-9a-f]{32}"), replaced);
      assertEnvelope(r, ErrorCode.ROUTE_NOT_FOUND);
    }
    Http.Response generated = http.get(PAYOUT, null);
    assertTrue(generated.header("X-Request-ID").orElseThrow().startsWith("req_"));
    assertEnvelope(generated, ErrorCode.UNAUTHENTICATED);
  }
}
