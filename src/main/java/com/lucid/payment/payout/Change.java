package com.lucid.payment.payout;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One compare-and-set update of a payout: fields to set (the attempts as a whole), and the audit event that explains it
 * (required whenever the status changes). Applied by {@link PayoutRepository#apply}.
 */
final class Change {
  private final JsonObject set = new JsonObject();
  private final JsonObject unset = new JsonObject();
  private String action;
  private JsonObject detail;
  private PayoutStatus to;

  static Change of() {
    return new Change();
  }

  Change status(PayoutStatus next) {
    this.to = next;
    set.put("status", next.api());
    return this;
  }

  Change set(String field, Object value) {
    if (value == null) {
      unset.put(field, "");
    } else {
      set.put(field, value);
    }
    return this;
  }

  /** The payout's attempts after this change (a new one appended, or the last one's broadcasts and fate updated). */
  Change attempts(io.vertx.core.json.JsonArray all) {
    set.put("attempts", all);
    set.put("attempt_count", all.size());
    return this;
  }

  Change audit(String action, JsonObject detail) {
    this.action = action;
    this.detail = detail;
    return this;
  }

  PayoutStatus to() {
    return to;
  }

  /** The Mongo update document for a payout currently as {@code current}. */
  JsonObject update(JsonObject current, AuditTrail.Actor actor, Instant now) {
    PayoutStatus from = PayoutDocs.status(current);
    if (to != null && to != from && !from.mayBecome(to)) {
      throw new IllegalStateException("payout " + current.getString("_id") + " may not go from " + from + " to " + to);
    }
    if (to != null && to != from && action == null) {
      throw new IllegalStateException("a status change needs an audit event");
    }
    JsonObject sets = set.copy().put("updated_at", now.toEpochMilli())
        .put("version", current.getInteger("version") + 1);
    JsonObject update = new JsonObject().put("$set", sets);
    if (!unset.isEmpty()) {
      update.put("$unset", unset);
    }
    if (action != null) {
      String toName = to == null ? from.api() : to.api();
      update.put("$push", new JsonObject().put(AuditTrail.FIELD,
          AuditTrail.next(current, actor, action, from.api(), toName, detail, now)));
    }
    return update;
  }
}
