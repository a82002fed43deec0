package com.lucid.payment.payout.distribution;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A stored distribution (payout_distributions), one per period: who submitted it with which request hash, the fee
 * and minimum it was computed with, its plan, its batch, and the lease of whoever carries it forward.
 *
 * @param batchId the period's MONTHLY batch; empty when every line rolled over
 */
record Distribution(String period, State state, String requestHash, String submittedBy, String submitterRole,
    String requestId, int feeBps, long minPayout, Optional<String> batchId, List<DistributionLine> lines,
    long createdAt, long updatedAt, String leaseOwner, long leaseUntil) {

  /** Planned until its batch and rollovers exist, then done. */
  enum State {
    PLANNED, DONE;

    String stored() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  Distribution done() {
    return new Distribution(period, State.DONE, requestHash, submittedBy, submitterRole, requestId, feeBps, minPayout,
        batchId, lines, createdAt, updatedAt, leaseOwner, leaseUntil);
  }

  JsonObject toStored() {
    return new JsonObject()
        .put("_id", period)
        .put("state", state.stored())
        .put("request_hash", requestHash)
        .put("submitted_by", submittedBy)
        .put("submitter_role", submitterRole)
        .put("request_id", requestId)
        .put("fee_bps", feeBps)
        .put("min_payout", minPayout)
        .put("batch_id", batchId.orElse(null))
        .put("lines", new JsonArray(lines.stream().map(DistributionLine::toStored).toList()))
        .put("created_at", createdAt)
        .put("updated_at", updatedAt)
        .put("lease_owner", leaseOwner)
        .put("lease_until", leaseUntil);
  }

  static Distribution fromStored(JsonObject doc) {
    return new Distribution(doc.getString("_id"), State.valueOf(doc.getString("state").toUpperCase(Locale.ROOT)),
        doc.getString("request_hash"), doc.getString("submitted_by"), doc.getString("submitter_role"),
        doc.getString("request_id"), doc.getInteger("fee_bps"), doc.getLong("min_payout"),
        Optional.ofNullable(doc.getString("batch_id")),
        doc.getJsonArray("lines").stream().map(l -> DistributionLine.fromStored((JsonObject) l)).toList(),
        doc.getLong("created_at"), doc.getLong("updated_at", 0L), doc.getString("lease_owner"),
        doc.getLong("lease_until", 0L));
  }
}
