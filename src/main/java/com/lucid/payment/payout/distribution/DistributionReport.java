package com.lucid.payment.payout.distribution;

import com.lucid.payment.api.Usdt;
import com.lucid.payment.payout.batch.BatchStatus;
import com.lucid.payment.payout.model.PayoutLookups;
import com.lucid.payment.payout.model.PayoutStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A period's report: per entry its gross, fee, rollover in, net and outcome (paid = confirmed on chain; pending =
 * not settled yet; failed = failed or cancelled; rolled_over = held for the next period), with the payout and its
 * txid, and the totals. For every entry and in total, gross − fee + rollover_in = net, and net falls in exactly one
 * outcome. Served as JSON and as CSV (one row per entry, then a total row).
 */
public final class DistributionReport {
  private static final List<String> OUTCOMES = List.of("paid", "pending", "failed", "rolled_over");
  private static final Pattern FORMULA_LINE = Pattern.compile("(?m)^(?=[=+\\-@\\t\\r])");
  private static final List<String> CSV_COLUMNS = List.of("period", "index", "recipient", "node_id", "router_type",
      "gross_usdt", "fee_usdt", "rollover_in_usdt", "net_usdt", "outcome", "paid_usdt", "pending_usdt", "failed_usdt",
      "rolled_over_usdt", "payout_id", "payout_status", "txid");

  private DistributionReport() {}

  /**
   * @param preview true for a dry run (its payouts are all pending and nothing is stored)
   * @param payouts the batch's payouts by id, empty for a preview
   */
  static JsonObject of(String period, boolean preview, boolean planned, JsonObject meta, List<DistributionLine> lines,
      Map<String, PayoutLookups.Outcome> payouts) {
    long[] sums = new long[4];
    Map<String, long[]> byOutcome = new LinkedHashMap<>();
    OUTCOMES.forEach(o -> byOutcome.put(o, new long[2]));
    JsonArray entries = new JsonArray();
    for (DistributionLine line : lines) {
      PayoutLookups.Outcome payout = line.payoutId().map(payouts::get).orElse(null);
      String outcome = outcome(line, payout);
      long[] t = byOutcome.get(outcome);
      t[0]++;
      t[1] = Math.addExact(t[1], line.net());
      sums[0] = Math.addExact(sums[0], line.gross());
      sums[1] = Math.addExact(sums[1], line.fee());
      sums[2] = Math.addExact(sums[2], line.rolloverIn());
      sums[3] = Math.addExact(sums[3], line.net());
      entries.add(new JsonObject().put("index", line.index()).put("recipient", line.recipient())
          .put("node_id", line.nodeId().orElse(null)).put("router_type", line.router().name())
          .put("gross_usdt", Usdt.format(line.gross())).put("fee_usdt", Usdt.format(line.fee()))
          .put("rollover_in_usdt", Usdt.format(line.rolloverIn()))
          .put("net_usdt", Usdt.format(line.net())).put("outcome", outcome)
          .put("payout_id", preview ? null : line.payoutId().orElse(null))
          .put("payout_status", payout == null ? null : payout.status().api())
          .put("txid", payout == null ? null : payout.txid().orElse(null)));
    }
    JsonObject totals = new JsonObject().put("entries", lines.size()).put("gross_usdt", Usdt.format(sums[0]))
        .put("fees_usdt", Usdt.format(sums[1])).put("rollover_in_usdt", Usdt.format(sums[2]))
        .put("net_usdt", Usdt.format(sums[3]));
    byOutcome.forEach((o, t) -> totals.put(o + "_count", t[0]).put(o + "_usdt", Usdt.format(t[1])));
    String status = preview ? "preview" : planned || byOutcome.get("pending")[0] > 0 ? BatchStatus.PROCESSING.api()
        : byOutcome.get("failed")[0] == 0 ? BatchStatus.COMPLETED.api()
        : byOutcome.get("paid")[0] == 0 ? BatchStatus.FAILED.api() : BatchStatus.PARTIALLY_FAILED.api();
    return new JsonObject().put("period", period).put("status", status).mergeIn(meta)
        .put("entries", entries).put("totals", totals);
  }

  /** The fee and minimum a period was (or would be) computed with. */
  static JsonObject meta(int feeBps, long minPayout, String batchId, String submittedAt) {
    return new JsonObject().put("platform_fee_percent", BigDecimal.valueOf(feeBps, 2).stripTrailingZeros()
            .toPlainString())
        .put("min_payout_usdt", Usdt.format(minPayout)).put("batch_id", batchId).put("submitted_at", submittedAt);
  }

  private static String outcome(DistributionLine line, PayoutLookups.Outcome payout) {
    if (line.plan() == DistributionLine.Plan.ROLLED_OVER) {
      return "rolled_over";
    }
    return switch (payout == null ? PayoutStatus.PENDING : payout.status()) {
      case CONFIRMED -> "paid";
      case FAILED, CANCELLED -> "failed";
      default -> "pending";
    };
  }

  /** The report as CSV: one row per entry, then a row whose index is "total". */
  public static String csv(JsonObject report) {
    StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
    String period = report.getString("period");
    for (Object o : report.getJsonArray("entries")) {
      JsonObject e = (JsonObject) o;
      String net = e.getString("net_usdt");
      row(out, period, String.valueOf(e.getInteger("index")), e.getString("recipient"), e.getString("node_id"),
          e.getString("router_type"), e.getString("gross_usdt"), e.getString("fee_usdt"),
          e.getString("rollover_in_usdt"), net, e.getString("outcome"), only(e, "paid", net), only(e, "pending", net),
          only(e, "failed", net), only(e, "rolled_over", net), e.getString("payout_id"),
          e.getString("payout_status"), e.getString("txid"));
    }
    JsonObject t = report.getJsonObject("totals");
    row(out, period, "total", null, null, null, t.getString("gross_usdt"), t.getString("fees_usdt"),
        t.getString("rollover_in_usdt"), t.getString("net_usdt"), report.getString("status"), t.getString("paid_usdt"),
        t.getString("pending_usdt"), t.getString("failed_usdt"), t.getString("rolled_over_usdt"), null, null, null);
    return out.toString();
  }

  private static String only(JsonObject entry, String outcome, String net) {
    return outcome.equals(entry.getString("outcome")) ? net : "0";
  }

  private static void row(StringBuilder out, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i] == null ? "" : cells[i];
      // a line a spreadsheet would run as a formula is kept as text: also a later line of the cell (an import that
      // splits on newlines makes it a row of its own), and one starting with a tab or CR (OWASP's CSV injection list)
      c = FORMULA_LINE.matcher(c).replaceAll("'");
      out.append(i == 0 ? "" : ",").append(c.matches("[^,\"\\r\\n]*") ? c : '"' + c.replace("\"", "\"\"") + '"');
    }
    out.append('\n');
  }
}
