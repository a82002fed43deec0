package com.lucid.payment.payout.distribution;

import io.vertx.core.json.JsonObject;

/**
 * A net amount held below the distribution minimum (payout_rollovers), one per (period, recipient), until the
 * recipient's next submitted period consumes it.
 *
 * @param consumedBy the period that consumed it, or null while it is free
 */
record Rollover(String id, String recipient, String period, long amount, String consumedBy, long createdAt) {
  static String id(String period, String recipient) {
    return period + ":" + recipient;
  }

  JsonObject toStored() {
    return new JsonObject().put("_id", id).put("recipient", recipient).put("period", period).put("amount", amount)
        .put("consumed_by", consumedBy).put("created_at", createdAt);
  }

  static Rollover fromStored(JsonObject doc) {
    return new Rollover(doc.getString("_id"), doc.getString("recipient"), doc.getString("period"),
        doc.getLong("amount"), doc.getString("consumed_by"), doc.getLong("created_at", 0L));
  }
}
