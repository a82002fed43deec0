package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.config.ServiceConfig;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The batch, stats and distribution routes: what each sends to the engine and what the client gets back. */
@Timeout(30)
class BatchRoutesTest extends GatewayFixture {
  private static final String BATCH = "{\"payouts\":[{\"recipient_address\":\"TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC\","
      + "\"amount_usdt\":1.10,\"reason\":\"r\"}],\"router_type\":\"PayoutRouterV0\",\"batch_type\":\"DAILY\"}";
  private static final String PERIOD = "{\"period\":\"2026-11\",\"entries\":[{\"recipient\":\"TMVQGm1qAQYVdetCeGRRkTW"
      + "YYrLXuHK2HC\",\"gross_usdt\":\"12.5\",\"router_type\":\"PayoutRouterV0\"}]}";
  private final String olga = token("olga", Role.NODE_OPERATOR);
  private final String payroll = token("payroll", Role.SERVICE);

  @Test
  void aCreatedBatchIs201WithItsLocationAndTheEngineGetsTheKeyAndTheBodyAsSent() throws Exception {
    Http.Response r = http.post("/payouts/batch", olga, BATCH, "Idempotency-Key", "nightly-2026-11-24");
    assertEquals(201, r.status(), r.body());
    assertEquals(EngineDouble.batch(EngineDouble.BATCH_ID), r.json());
    assertEquals("/api/payment/payouts/batch/" + EngineDouble.BATCH_ID, r.header("Location").orElseThrow());
    assertEquals(BusAddress.BATCH_CREATE, engine.last().address());
    assertEquals(new JsonObject().put("idempotency_key", "nightly-2026-11-24").put("request", new JsonObject(BATCH)),
        engine.last().body());
    assertEquals(new java.math.BigDecimal("1.10"), engine.last().body().getJsonObject("request")
        .getJsonArray("payouts").getJsonObject(0).getValue("amount_usdt"), "the exact digits sent");
    assertEquals("node_operator", engine.last().caller().role());
  }

  @Test
  void aReplayedBatchIs200WithIdempotentReplayedAndAKeyIsRequired() throws Exception {
    engine.answer(BusAddress.BATCH_CREATE, m -> new JsonObject().put("replayed", true)
        .put("batch", EngineDouble.batch(EngineDouble.BATCH_ID).put("status", "completed")));
    Http.Response r = http.post("/payouts/batch", olga, BATCH, "Idempotency-Key", "k");
    assertEquals(200, r.status());
    assertEquals("true", r.header(PayoutRoutes.REPLAYED).orElseThrow());
    assertEquals("completed", r.json().getString("status"));
    assertEnvelope(http.post("/payouts/batch", olga, BATCH), ErrorCode.INVALID_REQUEST);
    assertEquals(1, engine.received().size());
  }

  @Test
  void theBatchBodyLimitIsOneMebibyteByDefaultAndGrowsWithTheItemLimit() throws Exception {
    String filler = "{\"payouts\":[],\"x\":\"" + "x".repeat(ServiceConfig.Gateway.DEFAULT_BATCH_BODY_LIMIT) + "\"}";
    assertEnvelope(http.post("/payouts/batch", olga, filler, "Idempotency-Key", "k"), ErrorCode.PAYLOAD_TOO_LARGE);
    String fits = "{\"payouts\":[],\"x\":\"" + "x".repeat(ServiceConfig.Gateway.DEFAULT_BATCH_BODY_LIMIT - 40) + "\"}";
    assertEquals(201, http.post("/payouts/batch", olga, fits, "Idempotency-Key", "k").status());
    assertEquals(201, http.post("/distributions", payroll, fits).status());
    assertTrue(engine.received().size() == 2);

    ServiceConfig.Gateway bigger = new ServiceConfig.Gateway(gatewayConfig().jwt(), 1,
        com.lucid.payment.config.ConfigLoader.load(java.util.Map.of("BATCH_MAX_ITEMS", "10000")).gateway()
            .batchBodyLimit());
    assertEquals(10_000 * 2048, bigger.batchBodyLimit());
    Http other = deployAnother(bigger);
    assertEquals(201, other.post("/payouts/batch", olga, filler, "Idempotency-Key", "k").status());
  }

  @Test
  void getBatchSendsTheIdOfThePathAndImpossibleIdsAre404WithoutAskingTheEngine() throws Exception {
    Http.Response r = http.get("/payouts/batch/" + EngineDouble.BATCH_ID, olga);
    assertEquals(200, r.status(), r.body());
    assertEquals(new JsonObject().put("batch_id", EngineDouble.BATCH_ID), engine.last().body());
    assertEquals(BusAddress.BATCH_GET, engine.last().address());
    int before = engine.received().size();
    for (String id : new String[] {"batch_", "batch_a-b", "payout_abc", "transaction"}) {
      assertEnvelope(http.get("/payouts/batch/" + id, olga), ErrorCode.NOT_FOUND);
    }
    assertEnvelope(http.get("/payouts/batch", olga), ErrorCode.NOT_FOUND);
    assertEquals(before, engine.received().size());
  }

  @Test
  void statsNeedsPaymentStatsAndSendsTheQueryAsStrings() throws Exception {
    String admin = token("root", Role.ADMIN);
    Http.Response r = http.get("/stats?period=week&router_type=all", admin);
    assertEquals(200, r.status(), r.body());
    assertEquals(new JsonObject().put("period", "week").put("router_type", "all"), engine.last().body());
    assertEquals(BusAddress.STATS, engine.last().address());
    assertTrue(r.header("X-RateLimit-Limit").isPresent());
    int before = engine.received().size();
    assertEnvelope(http.get("/stats", olga), ErrorCode.FORBIDDEN);
    assertEnvelope(http.get("/stats", token("eve", Role.END_USER)), ErrorCode.FORBIDDEN);
    assertEquals(before, engine.received().size());
    assertEquals(200, http.get("/stats", payroll).status());
  }

  @Test
  void aSubmittedPeriodIs201ThenItsReplayIs200AndThePreviewIs200() throws Exception {
    Http.Response r = http.post("/distributions", payroll, PERIOD);
    assertEquals(201, r.status(), r.body());
    assertEquals("/api/payment/distributions/2026-11", r.header("Location").orElseThrow());
    assertEquals(new JsonObject(PERIOD), engine.last().body());
    assertEquals(BusAddress.DISTRIBUTION_SUBMIT, engine.last().address());
    engine.answer(BusAddress.DISTRIBUTION_SUBMIT, m -> new JsonObject().put("replayed", true)
        .put("report", EngineDouble.report("2026-11")));
    Http.Response again = http.post("/distributions", payroll, PERIOD);
    assertEquals(200, again.status());
    assertEquals("true", again.header(PayoutRoutes.REPLAYED).orElseThrow());

    Http.Response preview = http.post("/distributions/preview", payroll, PERIOD);
    assertEquals(200, preview.status());
    assertEquals("preview", preview.json().getString("status"));
    assertEquals(BusAddress.DISTRIBUTION_PREVIEW, engine.last().address());
  }

  @Test
  void theReportIsJsonOrCsv() throws Exception {
    Http.Response json = http.get("/distributions/2026-11", payroll);
    assertEquals(200, json.status(), json.body());
    assertEquals(new JsonObject().put("period", "2026-11"), engine.last().body());
    Http.Response csv = http.get("/distributions/2026-11?format=csv", payroll);
    assertEquals(200, csv.status(), csv.body());
    assertEquals("text/csv; charset=utf-8", csv.header("Content-Type").orElseThrow());
    assertEquals(Optional.of("attachment; filename=\"distribution-2026-11.csv\""),
        csv.header("Content-Disposition"));
    assertEquals("period,index\n", csv.body());
    assertEquals(new JsonObject().put("format", "csv").put("period", "2026-11"), engine.last().body());
    int before = engine.received().size();
    assertEnvelope(http.get("/distributions/2026-11?format=csv&x=1", payroll), ErrorCode.INVALID_REQUEST);
    assertEnvelope(http.get("/distributions/november", payroll), ErrorCode.NOT_FOUND);
    assertEquals(before, engine.received().size());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/payouts/batch", "/distributions", "/distributions/preview"})
  void batchBodiesMustBeOneJsonObject(String path) throws Exception {
    assertEnvelope(http.post(path, payroll, "[1,2]", "Idempotency-Key", "k"), ErrorCode.INVALID_REQUEST);
    assertEnvelope(http.post(path, payroll, "", "Idempotency-Key", "k"), ErrorCode.INVALID_REQUEST);
    assertFalse(engine.received().stream().anyMatch(x -> true));
  }
}
