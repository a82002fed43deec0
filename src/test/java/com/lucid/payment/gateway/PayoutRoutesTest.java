package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.bus.BusAddress;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The payout routes: what each sends to the engine and what the client gets back. */
@Timeout(30)
class PayoutRoutesTest extends GatewayFixture {
  private static final String REQUEST = "{\"recipient_address\":\"TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC\","
      + "\"amount_usdt\":\"1.50\",\"reason\":\"node reward\",\"router_type\":\"PayoutRouterV0\","
      + "\"custom_data\":{\"session\":[1,2,{\"deep\":true}]},\"unknown_field\":null}";
  private final String alice = token("alice", Role.END_USER);

  @Test
  void createdPayoutIs201AndTheEngineGetsTheKeyAndTheBodyAsSent() throws Exception {
    Http.Response r = http.post("/payouts", alice, REQUEST, "Idempotency-Key", "order-42:try/1");
    assertEquals(201, r.status(), r.body());
    assertEquals(EngineDouble.payout(EngineDouble.PAYOUT_ID), r.json());
    assertEquals("/api/payment/payouts/" + EngineDouble.PAYOUT_ID, r.header("Location").orElseThrow());
    assertFalse(r.header(PayoutRoutes.REPLAYED).isPresent());
    EngineDouble.Received received = engine.last();
    assertEquals(BusAddress.PAYOUT_CREATE, received.address());
    assertEquals(new JsonObject().put("idempotency_key", "order-42:try/1").put("request", new JsonObject(REQUEST)),
        received.body());
    assertEquals("alice", received.caller().userId());
    assertEquals("end_user", received.caller().role());
    assertEquals(r.header("X-Request-ID").orElseThrow(), received.caller().requestId());
  }

  @Test
  void amountsSentAsNumbersReachTheEngineWithTheirExactDigits() throws Exception {
    String body = "{\"amount_usdt\": 0.1000000000000000055511151231257827, \"limit\": 9223372036854775807}";
    assertEquals(201, http.post("/payouts", alice, body, "Idempotency-Key", "k1").status());
    JsonObject request = engine.last().body().getJsonObject("request");
    assertEquals(new BigDecimal("0.1000000000000000055511151231257827"), request.getValue("amount_usdt"));
    assertEquals("9223372036854775807", request.getValue("limit").toString());
    // beyond 64 bits (or 34 digits) no field has a meaning and the store no exact form: refused at the edge
    assertEnvelope(http.post("/payouts", alice, "{\"limit\": 12345678901234567890}", "Idempotency-Key", "k2"),
        ErrorCode.INVALID_REQUEST);
  }

  @Test
  void aReplayedRequestIs200WithIdempotentReplayed() throws Exception {
    engine.answer(BusAddress.PAYOUT_CREATE, m -> new JsonObject().put("replayed", true)
        .put("payout", EngineDouble.payout(EngineDouble.PAYOUT_ID).put("status", "confirmed")));
    Http.Response r = http.post("/payouts", alice, REQUEST, "Idempotency-Key", "order-42");
    assertEquals(200, r.status());
    assertEquals("true", r.header(PayoutRoutes.REPLAYED).orElseThrow());
    assertEquals("confirmed", r.json().getString("status"));
  }

  @ParameterizedTest(name = "Idempotency-Key [{0}]")
  @ValueSource(strings = {"", "with space", "tab\tinside", "x-256"})
  void aMissingOrMalformedIdempotencyKeyIs400(String key) throws Exception {
    Http.Response r = key.isEmpty() ? http.post("/payouts", alice, REQUEST)
        : http.post("/payouts", alice, REQUEST, "Idempotency-Key", key.equals("x-256") ? "k".repeat(256) : key);
    assertEnvelope(r, ErrorCode.INVALID_REQUEST);
    assertTrue(engine.received().isEmpty());
  }

  @Test
  void theLongestAllowedIdempotencyKeyIsAccepted() throws Exception {
    String key = "~!" + "k".repeat(253);
    assertEquals(201, http.post("/payouts", alice, REQUEST, "Idempotency-Key", key).status());
    assertEquals(key, engine.last().body().getString("idempotency_key"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "malformed JSON|{\"amount_usdt\": \"1.50\",|application/json",
      "a JSON array|[{\"amount_usdt\": \"1.50\"}]|application/json",
      "a JSON string|\"pay me\"|application/json",
      "two objects|{} {}|application/json",
      "a repeated field|{\"amount_usdt\": \"1\", \"amount_usdt\": \"1000\"}|application/json",
      "form encoding|amount_usdt=1.50|application/x-www-form-urlencoded",
      "no content type|{\"amount_usdt\": \"1.50\"}|",
      "NaN|{\"amount_usdt\": NaN}|application/json",
      "a comment|{\"amount_usdt\": \"1\" /* x */}|application/json",
  })
  void bodiesThatAreNotOneJsonObjectAre400AndReachNoOne(String name, String body, String contentType)
      throws Exception {
    Http.Response r = http.send("POST", "/payouts", alice, body, "Idempotency-Key", "k1",
        "Content-Type", contentType == null ? "" : contentType);
    JsonObject error = assertEnvelope(r, ErrorCode.INVALID_REQUEST);
    assertFalse(error.getString("message").contains("line"), error.getString("message"));
    assertTrue(engine.received().isEmpty());
  }

  @Test
  void emptyAndDeeplyNestedBodiesAre400() throws Exception {
    assertEnvelope(http.post("/payouts", alice, "", "Idempotency-Key", "k1"), ErrorCode.INVALID_REQUEST);
    String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
    assertEnvelope(http.post("/payouts", alice, deep, "Idempotency-Key", "k1"), ErrorCode.INVALID_REQUEST);
    assertTrue(engine.received().isEmpty());
  }

  @Test
  void aBodyOver64KibIs413AndOneJustUnderIsForwarded() throws Exception {
    String filler = "{\"reason\":\"" + "x".repeat(Endpoint.DEFAULT_BODY_LIMIT) + "\"}";
    assertEnvelope(http.post("/payouts", alice, filler, "Idempotency-Key", "k1"), ErrorCode.PAYLOAD_TOO_LARGE);
    assertTrue(engine.received().isEmpty());
    String fits = "{\"reason\":\"" + "x".repeat(Endpoint.DEFAULT_BODY_LIMIT - 20) + "\"}";
    assertEquals(201, http.post("/payouts", alice, fits, "Idempotency-Key", "k1").status());
  }

  @Test
  void listSendsTheQueryAsStrings() throws Exception {
    Http.Response r = http.get("/payouts?status=pending&router_type=PayoutRouterV0&limit=5&offset=10"
        + "&start_date=2026-11-01T00:00:00Z", alice);
    assertEquals(200, r.status(), r.body());
    assertEquals(new JsonObject().put("status", "pending").put("router_type", "PayoutRouterV0").put("limit", "5")
        .put("offset", "10").put("start_date", "2026-11-01T00:00:00Z"), engine.last().body());
    assertEquals(1, r.json().getJsonArray("payouts").size());
    assertEnvelope(http.get("/payouts?status=pending&status=failed", alice), ErrorCode.INVALID_REQUEST);
    assertEquals(1, engine.received().size());
  }

  @Test
  void getCancelAndTransactionSendThePayoutIdOfThePath() throws Exception {
    String path = "/payouts/" + EngineDouble.PAYOUT_ID;
    assertEquals(EngineDouble.PAYOUT_ID, http.get(path, alice).json().getString("payout_id"));
    assertEquals(new JsonObject().put("payout_id", EngineDouble.PAYOUT_ID), engine.last().body());
    assertEquals(BusAddress.PAYOUT_GET, engine.last().address());

    assertEquals(19, http.get(path + "/transaction", alice).json().getInteger("required_confirmations"));
    assertEquals(BusAddress.PAYOUT_TRANSACTION, engine.last().address());

    assertEquals("cancelled", http.post(path + "/cancel", alice, null).json().getString("status"));
    assertEquals(new JsonObject().put("payout_id", EngineDouble.PAYOUT_ID), engine.last().body());
    assertEquals(200, http.post(path + "/cancel", alice, "{\"reason\":\"wrong amount\"}").status());
    assertEquals(new JsonObject().put("reason", "wrong amount").put("payout_id", EngineDouble.PAYOUT_ID),
        engine.last().body());
    assertEnvelope(http.post(path + "/cancel", alice, "{\"payout_id\":\"payout_other\"}"), ErrorCode.INVALID_REQUEST);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"payout_", "payout_abc-def", "PAYOUT_abc", "abc", "payout_%C3%A9", "payout_a%2Fb",
      "batch_1a2b"})
  void idsThatCannotExistAre404WithoutAskingTheEngine(String id) throws Exception {
    assertEnvelope(http.get("/payouts/" + id, alice), ErrorCode.NOT_FOUND);
    assertEnvelope(http.get("/payouts/" + id + "/transaction", alice), ErrorCode.NOT_FOUND);
    assertEnvelope(http.post("/payouts/" + id + "/cancel", alice, null), ErrorCode.NOT_FOUND);
    assertTrue(engine.received().isEmpty());
  }

}
