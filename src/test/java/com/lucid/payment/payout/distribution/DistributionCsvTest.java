package com.lucid.payment.payout.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No cell of the report's CSV is a formula to a spreadsheet, on any of its lines. */
class DistributionCsvTest {
  private static String csvWithNodeId(String nodeId) {
    JsonObject entry = new JsonObject().put("index", 0).put("recipient", "TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC")
        .put("node_id", nodeId).put("router_type", "PayoutRouterV0").put("gross_usdt", "12").put("fee_usdt", "0")
        .put("rollover_in_usdt", "0").put("net_usdt", "12").put("outcome", "pending");
    JsonObject totals = new JsonObject().put("gross_usdt", "12").put("fees_usdt", "0").put("rollover_in_usdt", "0")
        .put("net_usdt", "12").put("paid_usdt", "0").put("pending_usdt", "12").put("failed_usdt", "0")
        .put("rolled_over_usdt", "0");
    return DistributionReport.csv(new JsonObject().put("period", "2026-11").put("status", "processing")
        .put("entries", new JsonArray().add(entry)).put("totals", totals));
  }

  @ParameterizedTest(name = "node_id {0}")
  @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1",
      "node\n=HYPERLINK(\"http://x\")", "node\r\n@SUM(A1)", "a\n\t=1", "ok\n+cmd|' /C calc'!A0"})
  void formulaCellsAreTextOnEveryLine(String nodeId) {
    String csv = csvWithNodeId(nodeId);
    for (String line : csv.split("\\r\\n|\\n|\\r")) {
      for (String cell : line.split(",")) {
        String bare = cell.startsWith("\"") ? cell.substring(1) : cell;
        assertFalse(bare.matches("(?s)[=+\\-@\\t].*"), "a formula cell: " + List.of(cell) + " in " + csv);
      }
    }
  }

  @ParameterizedTest(name = "node_id {0}")
  @ValueSource(strings = {"node-7", "eu west 3", "a=b"})
  void ordinaryCellsAreKeptAsTheyAre(String nodeId) {
    assertEquals(nodeId, csvWithNodeId(nodeId).lines().toList().get(1).split(",")[3]);
  }
}
