package com.lucid.payment.payout.batch;

import com.lucid.payment.api.Usdt;
import com.lucid.payment.payout.model.PayoutStatus;
import com.lucid.payment.payout.model.PayoutView;
import com.lucid.payment.payout.model.StatusTally;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A batch as clients see it, with its status derived from its payouts ({@link BatchStatus}). */
final class BatchView {
  /** A typical time from release to solidification for one round of payouts in flight. */
  private static final long SETTLEMENT_MS = 60_000;

  private BatchView() {}

  /** The reply of POST /payouts/batch (and of its replays). */
  static JsonObject created(Batch batch, BatchStatus status, int maxInFlight, Instant now) {
    return new JsonObject()
        .put("batch_id", batch.id())
        .put("total_payouts", batch.totalPayouts())
        .put("total_amount_usdt", Usdt.format(batch.totalAmount()))
        .put("status", status.api())
        .put("payout_ids", new JsonArray(batch.payoutIds()))
        .put("router_type", batch.routerName())
        .put("priority", batch.priority().name())
        .put("batch_type", batch.batchType().name())
        .put("release_at", PayoutView.iso(batch.releaseAt()))
        .put("estimated_completion", status == BatchStatus.PROCESSING ? estimate(batch, maxInFlight, now) : null)
        .put("created_at", PayoutView.iso(batch.createdAt()));
  }

  /** GET /payouts/batch/{batch_id}: the brief's BatchStatusResponse plus counts and amounts for every status. */
  static JsonObject status(Batch batch, StatusTally t, int maxInFlight, Instant now) {
    BatchStatus status = BatchStatus.of(batch, t);
    JsonObject byStatus = new JsonObject();
    for (PayoutStatus s : PayoutStatus.values()) {
      byStatus.put(s.api(), new JsonObject().put("count", t.count(s)).put("amount_usdt", Usdt.format(t.amount(s))));
    }
    return new JsonObject()
        .put("batch_id", batch.id())
        .put("status", status.api())
        .put("router_type", batch.routerName())
        .put("priority", batch.priority().name())
        .put("batch_type", batch.batchType().name())
        .put("total_payouts", batch.totalPayouts())
        .put("total_amount_usdt", Usdt.format(batch.totalAmount()))
        .put("completed_payouts", t.count(PayoutStatus.CONFIRMED))
        .put("completed_amount_usdt", Usdt.format(t.amount(PayoutStatus.CONFIRMED)))
        .put("failed_payouts", t.count(PayoutStatus.FAILED))
        .put("cancelled_payouts", t.count(PayoutStatus.CANCELLED))
        .put("pending_payouts", t.count(PayoutStatus.PENDING))
        .put("processing_payouts", t.count(PayoutStatus.PROCESSING))
        .put("payouts_by_status", byStatus)
        .put("payout_ids", new JsonArray(batch.payoutIds()))
        .put("release_at", PayoutView.iso(batch.releaseAt()))
        .put("created_at", PayoutView.iso(batch.createdAt()))
        .put("estimated_completion", status == BatchStatus.PROCESSING ? estimate(batch, maxInFlight, now) : null);
  }

  /** The release time (or now), plus one settlement per round of payouts in flight. */
  private static String estimate(Batch batch, int maxInFlight, Instant now) {
    long rounds = (batch.totalPayouts() + maxInFlight - 1L) / maxInFlight;
    long start = Math.max(batch.releaseAt(), now.toEpochMilli());
    return Instant.ofEpochMilli(start + rounds * SETTLEMENT_MS).toString();
  }
}
