package com.lucid.payment.payout.batch;

import com.lucid.payment.api.Usdt;
import com.lucid.payment.payout.model.PayoutDocs;
import com.lucid.payment.payout.model.PayoutStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A batch as clients see it. Its status is derived from its payouts: processing while any is pending or processing
 * (or the batch is still being written); then cancelled when all were cancelled, completed when none failed, failed
 * when none was confirmed, else partially_failed.
 */
public final class BatchView {
  /** A typical time from release to solidification for one round of payouts in flight. */
  private static final long SETTLEMENT_MS = 60_000;

  private BatchView() {}

  /** Counts and amounts per payout status. */
  public record Tally(Map<PayoutStatus, long[]> byStatus) {
    public static Tally of(List<JsonObject> payouts) {
      Map<PayoutStatus, long[]> map = new EnumMap<>(PayoutStatus.class);
      for (PayoutStatus s : PayoutStatus.values()) {
        map.put(s, new long[2]);
      }
      for (JsonObject p : payouts) {
        long[] t = map.get(PayoutDocs.status(p));
        t[0]++;
        t[1] = Math.addExact(t[1], p.getLong("amount"));
      }
      return new Tally(map);
    }

    public long count(PayoutStatus s) {
      return byStatus.get(s)[0];
    }

    public long amount(PayoutStatus s) {
      return byStatus.get(s)[1];
    }

    public long unfinished() {
      return count(PayoutStatus.PENDING) + count(PayoutStatus.PROCESSING);
    }
  }

  public static String status(JsonObject batch, Tally t) {
    long total = batch.getInteger("total_payouts");
    if (Batches.ACCEPTING.equals(batch.getString("state")) || t.unfinished() > 0) {
      return "processing";
    }
    if (t.count(PayoutStatus.CANCELLED) == total) {
      return "cancelled";
    }
    if (t.count(PayoutStatus.FAILED) == 0) {
      return "completed";
    }
    return t.count(PayoutStatus.CONFIRMED) == 0 ? "failed" : "partially_failed";
  }

  /** The reply of POST /payouts/batch (and of its replays). */
  public static JsonObject created(JsonObject batch, String status, int maxInFlight, Instant now) {
    return new JsonObject()
        .put("batch_id", batch.getString("_id"))
        .put("total_payouts", batch.getInteger("total_payouts"))
        .put("total_amount_usdt", Usdt.format(batch.getLong("total_amount")))
        .put("status", status)
        .put("payout_ids", new JsonArray(Batches.payoutIds(batch)))
        .put("router_type", batch.getString("router_type"))
        .put("priority", batch.getString("priority"))
        .put("batch_type", batch.getString("batch_type"))
        .put("release_at", PayoutDocs.iso(batch.getLong("release_at")))
        .put("estimated_completion", "processing".equals(status) ? estimate(batch, maxInFlight, now) : null)
        .put("created_at", PayoutDocs.iso(batch.getLong("created_at")));
  }

  /** GET /payouts/batch/{batch_id}: the brief's BatchStatusResponse plus counts and amounts for every status. */
  public static JsonObject status(JsonObject batch, List<String> payoutIds, Tally t, int maxInFlight, Instant now) {
    String status = status(batch, t);
    JsonObject byStatus = new JsonObject();
    for (PayoutStatus s : PayoutStatus.values()) {
      byStatus.put(s.api(), new JsonObject().put("count", t.count(s)).put("amount_usdt", Usdt.format(t.amount(s))));
    }
    return new JsonObject()
        .put("batch_id", batch.getString("_id"))
        .put("status", status)
        .put("router_type", batch.getString("router_type"))
        .put("priority", batch.getString("priority"))
        .put("batch_type", batch.getString("batch_type"))
        .put("total_payouts", batch.getInteger("total_payouts"))
        .put("total_amount_usdt", Usdt.format(batch.getLong("total_amount")))
        .put("completed_payouts", t.count(PayoutStatus.CONFIRMED))
        .put("completed_amount_usdt", Usdt.format(t.amount(PayoutStatus.CONFIRMED)))
        .put("failed_payouts", t.count(PayoutStatus.FAILED))
        .put("cancelled_payouts", t.count(PayoutStatus.CANCELLED))
        .put("pending_payouts", t.count(PayoutStatus.PENDING))
        .put("processing_payouts", t.count(PayoutStatus.PROCESSING))
        .put("payouts_by_status", byStatus)
        .put("payout_ids", new JsonArray(payoutIds))
        .put("release_at", PayoutDocs.iso(batch.getLong("release_at")))
        .put("created_at", PayoutDocs.iso(batch.getLong("created_at")))
        .put("estimated_completion", "processing".equals(status) ? estimate(batch, maxInFlight, now) : null);
  }

  /** The release time (or now), plus one settlement per round of payouts in flight. */
  private static String estimate(JsonObject batch, int maxInFlight, Instant now) {
    long rounds = (batch.getInteger("total_payouts") + maxInFlight - 1L) / maxInFlight;
    long start = Math.max(batch.getLong("release_at"), now.toEpochMilli());
    return Instant.ofEpochMilli(start + rounds * SETTLEMENT_MS).toString();
  }
}
