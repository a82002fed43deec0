package com.lucid.payment.payout.batch;

import com.lucid.payment.payout.model.BatchType;
import com.lucid.payment.payout.model.NewPayout;
import com.lucid.payment.payout.model.Priority;
import io.vertx.core.json.JsonObject;

/**
 * A validated payout as stored inside its batch document, with its pre-generated payout id: enough to write the payout
 * later (after a crash, by a replay or the sweep) without validating it again, so a compliance signature that expired
 * in between cannot strand an accepted batch.
 */
public record BatchItem(String payoutId, NewPayout payout) {
  private static final String PAYOUT_ID = "payout_id";

  public JsonObject toStored() {
    return payout.writeTo(new JsonObject().put(PAYOUT_ID, payoutId));
  }

  /** The item as stored; its priority and release window are the batch's. */
  public static BatchItem fromStored(JsonObject item, Priority priority, BatchType batchType) {
    return new BatchItem(item.getString(PAYOUT_ID), NewPayout.readFrom(item, priority, batchType));
  }
}
