package com.lucid.payment.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Usdt;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.devnet.UsdtTransfer;
import com.lucid.payment.store.StoreSchema;
import com.lucid.payment.testing.BusClient;
import com.lucid.payment.testing.MutableClock;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly distribution over two periods with a 2.5 % platform fee and a 10 USDT minimum: fees rounded down to a
 * base unit, small nets rolled over and consumed exactly once by the next period, reports whose paid amounts are the
 * devnet's ledger, resubmissions that change nothing, previews that store nothing.
 */
@Timeout(120)
class DistributionTest {
  @TempDir Path dir;
  private TestService service;
  private BusClient bus;
  private MutableClock clock;
  private final String a = TestService.newAddress().base58();
  private final String b = TestService.newAddress().base58();
  private final String c = TestService.newAddress().base58();
  private final String d = TestService.newAddress().base58();
  private final String e = TestService.newAddress().base58();
  private final String f = TestService.newAddress().base58();

  @AfterEach
  void tearDown() throws Exception {
    if (service != null) {
      service.close();
    }
  }

  private void start() throws Exception {
    Map<String, String> env = TestService.fastEnv(dir);
    env.put("PLATFORM_FEE_PERCENT", "2.5");
    clock = MutableClock.at(Instant.parse("2026-10-20T09:00:00Z"));
    service = TestService.start(env, clock);
    bus = new BusClient(service);
  }

  private static JsonObject entry(String recipient, String gross) {
    return new JsonObject().put("recipient", recipient).put("gross_usdt", gross).put("router_type", "PayoutRouterV0");
  }

  private static JsonObject period(String period, JsonObject... entries) {
    return new JsonObject().put("period", period).put("entries", new JsonArray(List.of((Object[]) entries)));
  }

  private JsonObject submit(JsonObject body) throws Exception {
    return bus.call(BusAddress.DISTRIBUTION_SUBMIT, body, "payroll", "service");
  }

  private static Map<String, JsonObject> byRecipient(JsonObject report) {
    return report.getJsonArray("entries").stream().map(x -> (JsonObject) x)
        .collect(Collectors.toMap(x -> x.getString("recipient"), x -> x));
  }

  private static void assertLine(JsonObject line, String gross, String fee, String rolloverIn, String net,
      String outcome) {
    assertEquals(List.of(gross, fee, rolloverIn, net, outcome), List.of(line.getString("gross_usdt"),
        line.getString("fee_usdt"), line.getString("rollover_in_usdt"), line.getString("net_usdt"),
        line.getString("outcome")), line.encode());
  }

  /** Moves past the period's release, waits for its batch, and checks the report against the devnet ledger. */
  private JsonObject settle(String period, JsonObject submitted) throws Exception {
    String batchId = submitted.getString("batch_id");
    JsonObject batch = bus.call(BusAddress.BATCH_GET, new JsonObject().put("batch_id", batchId), "payroll", "service");
    assertEquals("MONTHLY", batch.getString("batch_type"));
    clock.set(Instant.parse(batch.getString("release_at")).plusSeconds(1));
    new BatchCalls(service).awaitBatch(batchId, "completed", 60);
    JsonObject report = bus.call(BusAddress.DISTRIBUTION_REPORT, new JsonObject().put("period", period),
        "payroll", "service");
    assertEquals("completed", report.getString("status"));
    Map<String, UsdtTransfer> ledger = service.devnet().transfers().stream()
        .collect(Collectors.toMap(UsdtTransfer::txid, t -> t));
    long paid = 0;
    for (Object o : report.getJsonArray("entries")) {
      JsonObject line = (JsonObject) o;
      if ("paid".equals(line.getString("outcome"))) {
        UsdtTransfer transfer = ledger.get(line.getString("txid"));
        assertEquals(line.getString("recipient"), transfer.to());
        assertEquals(Usdt.parse(line.getString("net_usdt")), transfer.amount());
        paid += transfer.amount();
      } else {
        assertNull(line.getString("txid"));
      }
    }
    assertEquals(report.getJsonObject("totals").getString("paid_usdt"), Usdt.format(paid));
    return report;
  }

  @Test
  void twoPeriodsApplyFeesRollOverSmallNetsAndPayExactlyTheLedger() throws Exception {
    start();
    JsonObject october = submit(period("2026-10", entry(a, "100"), entry(b, "8"), entry(c, "10.2"),
        entry(d, "0.000039"), entry(e, "10.25641")));
    assertFalse(october.getBoolean("replayed"));
    JsonObject first = october.getJsonObject("report");
    Map<String, JsonObject> lines = byRecipient(first);
    assertLine(lines.get(a), "100", "2.5", "0", "97.5", "pending");
    assertLine(lines.get(b), "8", "0.2", "0", "7.8", "rolled_over");
    assertLine(lines.get(c), "10.2", "0.255", "0", "9.945", "rolled_over");
    assertLine(lines.get(d), "0.000039", "0", "0", "0.000039", "rolled_over"); // 0.975 of a base unit: no fee
    // the fee is 256,410.25 base units, rounded down to 256,410; the net is exactly the minimum, so it is paid
    assertLine(lines.get(e), "10.25641", "0.25641", "0", "10", "pending");
    assertEquals("2.5", first.getString("platform_fee_percent"));
    assertEquals("10", first.getString("min_payout_usdt"));
    JsonObject totals = settle("2026-10", first).getJsonObject("totals");
    assertEquals(List.of("128.456449", "3.21141", "0", "125.245039", "107.5", "17.745039", "0", "0"),
        List.of(totals.getString("gross_usdt"), totals.getString("fees_usdt"), totals.getString("rollover_in_usdt"),
            totals.getString("net_usdt"), totals.getString("paid_usdt"), totals.getString("rolled_over_usdt"),
            totals.getString("failed_usdt"), totals.getString("pending_usdt")));

    clock.set(Instant.parse("2026-11-20T09:00:00Z"));
    JsonObject novemberBody = period("2026-11", entry(a, "50"), entry(b, "3"), entry(c, "0.1"), entry(f, "9"));
    JsonObject november = submit(novemberBody).getJsonObject("report");
    lines = byRecipient(november);
    assertLine(lines.get(a), "50", "1.25", "0", "48.75", "pending");
    assertLine(lines.get(b), "3", "0.075", "7.8", "10.725", "pending");
    assertLine(lines.get(c), "0.1", "0.0025", "9.945", "10.0425", "pending");
    assertLine(lines.get(f), "9", "0.225", "0", "8.775", "rolled_over");

    JsonObject again = submit(novemberBody);
    assertTrue(again.getBoolean("replayed"));
    assertEquals(november.getString("batch_id"), again.getJsonObject("report").getString("batch_id"));
    assertEquals(november.getJsonObject("totals"), again.getJsonObject("report").getJsonObject("totals"));
    ApiFailure changed = bus.failure(BusAddress.DISTRIBUTION_SUBMIT, period("2026-11", entry(a, "51")),
        "payroll", "service");
    assertEquals(ErrorCode.INVALID_STATE, changed.code());
    assertEquals(2, count(StoreSchema.BATCHES, new JsonObject()), "one batch per period (and none for resubmissions)");

    totals = settle("2026-11", november).getJsonObject("totals");
    assertEquals(List.of("62.1", "1.5525", "17.745", "78.2925", "69.5175", "8.775"),
        List.of(totals.getString("gross_usdt"), totals.getString("fees_usdt"), totals.getString("rollover_in_usdt"),
            totals.getString("net_usdt"), totals.getString("paid_usdt"), totals.getString("rolled_over_usdt")));
    assertEquals(Usdt.parse("97.5") + Usdt.parse("48.75"), service.devnet().balance(a).usdtUnits());
    assertEquals(Usdt.parse("10.725"), service.devnet().balance(b).usdtUnits());
    assertEquals(0, service.devnet().balance(d).usdtUnits());

    // D's 0.000039 is still held; F's 8.775 is new. A preview consumes neither and stores nothing.
    JsonObject december = period("2026-12", entry(d, "1"), entry(f, "2"));
    JsonObject preview = bus.call(BusAddress.DISTRIBUTION_PREVIEW, december, "payroll", "service");
    assertEquals("preview", preview.getString("status"));
    lines = byRecipient(preview);
    assertLine(lines.get(d), "1", "0.025", "0.000039", "0.975039", "rolled_over");
    assertLine(lines.get(f), "2", "0.05", "8.775", "10.725", "pending");
    assertNull(lines.get(f).getString("payout_id"));
    assertEquals(2, count(StoreSchema.DISTRIBUTIONS, new JsonObject()));
    assertEquals(2, count(StoreSchema.ROLLOVERS, new JsonObject().put("consumed_by", (Object) null)));
    assertEquals(ErrorCode.NOT_FOUND, bus.failure(BusAddress.DISTRIBUTION_REPORT,
        new JsonObject().put("period", "2026-12"), "payroll", "service").code());

    JsonObject csv = bus.call(BusAddress.DISTRIBUTION_REPORT, new JsonObject().put("period", "2026-11")
        .put("format", "csv"), "root", "admin");
    List<String> rows = csv.getString("csv").lines().toList();
    assertEquals("period,index,recipient,node_id,router_type,gross_usdt,fee_usdt,rollover_in_usdt,net_usdt,outcome,"
        + "paid_usdt,pending_usdt,failed_usdt,rolled_over_usdt,payout_id,payout_status,txid", rows.get(0));
    assertEquals(6, rows.size());
    assertEquals("2026-11,total,,,,62.1,1.5525,17.745,78.2925,completed,69.5175,0,0,8.775,,,", rows.get(5));
    assertTrue(rows.get(2).startsWith("2026-11,1," + b
        + ",,PayoutRouterV0,3,0.075,7.8,10.725,paid,10.725,0,0,0,payout_"), rows.get(2));

    JsonObject stats = bus.call(BusAddress.STATS, new JsonObject().put("period", "month"), "root", "admin");
    assertEquals(3, stats.getInteger("total_payouts"), "payouts of the last 30 days: November's batch");
    assertEquals("69.5175", stats.getString("total_amount_usdt"));
    assertEquals("23.1725", stats.getString("average_amount_usdt"));
    assertEquals("100.00", stats.getValue("success_rate").toString());
    assertEquals(3, stats.getJsonObject("payouts_by_router").getJsonObject("PayoutRouterV0").getInteger("count"));
    assertEquals("closed", stats.getString("circuit_breaker_status"));
    JsonObject asService = bus.call(BusAddress.STATS, new JsonObject().put("router_type", "PayoutRouterKYC"),
        "payroll", "service");
    assertFalse(asService.containsKey("circuit_breaker_status"), "admins only");
    assertEquals(0, asService.getInteger("total_payouts"));
    assertEquals("day", asService.getString("period"));
    assertEquals(ErrorCode.FORBIDDEN, bus.failure(BusAddress.STATS, new JsonObject(), "olga", "node_operator").code());
    assertEquals(ErrorCode.INVALID_REQUEST, bus.failure(BusAddress.STATS, new JsonObject().put("period", "year"),
        "root", "admin").code());
  }

  @Test
  void aBadOrRefusedPeriodLeavesNothingBehindAndItsRolloversUnclaimed() throws Exception {
    start();
    submit(period("2026-10", entry(b, "5")));
    assertEquals(ErrorCode.FORBIDDEN, bus.failure(BusAddress.DISTRIBUTION_SUBMIT, period("2026-11", entry(b, "5")),
        "eve", "end_user").code());

    ApiFailure bad = bus.failure(BusAddress.DISTRIBUTION_SUBMIT, period("2026-11", entry(b, "20"),
        entry("Tnope", "20"), entry(b, "1"), entry(c, "12").put("router_type", "PayoutRouterX"),
        entry(d, "5000")), "payroll", "service");
    assertEquals(ErrorCode.INVALID_ADDRESS, bad.code(), bad.getMessage());
    assertEquals(List.of(1, 2, 3, 4), bad.details().getJsonArray("errors").stream()
        .map(x -> ((JsonObject) x).getInteger("index")).toList());
    assertEquals(List.of("recipient", "recipient", "router_type", "net_usdt"), bad.details().getJsonArray("errors")
        .stream().map(x -> ((JsonObject) x).getString("field")).toList());

    JsonObject[] big = new JsonObject[12];
    big[0] = entry(b, "20");
    for (int i = 1; i < big.length; i++) {
      big[i] = entry(TestService.newAddress().base58(), "1000");
    }
    ApiFailure over = bus.failure(BusAddress.DISTRIBUTION_SUBMIT, period("2026-11", big), "payroll", "service");
    assertEquals(ErrorCode.LIMIT_EXCEEDED, over.code(), over.getMessage());
    assertEquals(1, count(StoreSchema.DISTRIBUTIONS, new JsonObject()));
    assertEquals(0, count(StoreSchema.BATCHES, new JsonObject()));
    JsonObject preview = bus.call(BusAddress.DISTRIBUTION_PREVIEW, period("2026-11", entry(b, "20")),
        "payroll", "service");
    assertLine(byRecipient(preview).get(b), "20", "0.5", "4.875", "24.375", "pending");

    JsonObject paid = submit(period("2026-11", entry(b, "20"))).getJsonObject("report");
    assertLine(byRecipient(paid).get(b), "20", "0.5", "4.875", "24.375", "pending");
  }

  private long count(String collection, JsonObject query) throws Exception {
    return service.app().store().mongo().count(collection, query).await(5, TimeUnit.SECONDS);
  }
}
