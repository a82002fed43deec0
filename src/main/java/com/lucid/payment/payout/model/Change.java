package com.lucid.payment.payout.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One compare-and-set update of a payout: fields to set (the attempts as a whole), and the audit events that explain
 * it, in order (at least one whenever the status changes). Applied by {@link PayoutRepository#apply}.
 */
public final class Change {
  private final JsonObject set = new JsonObject();
  private final JsonObject unset = new JsonObject();
  private final List<Event> events = new ArrayList<>();
  private PayoutStatus to;

  /** An audit event; {@code to} is the status set before it was recorded (null: unchanged). */
  private record Event(String action, JsonObject detail, PayoutStatus to) {}

  public static Change of() {
    return new Change();
  }

  public Change status(PayoutStatus next) {
    this.to = next;
    set.put("status", next.api());
    return this;
  }

  public Change set(String field, Object value) {
    if (value == null) {
      unset.put(field, "");
    } else {
      set.put(field, value);
    }
    return this;
  }

  /** The payout's attempts after this change (a new one appended, or the last one's broadcasts and fate updated). */
  public Change attempts(JsonArray all) {
    set.put("attempts", all);
    set.put("attempt_count", all.size());
    return this;
  }

  /** Ends the worker's turn in this same write: frees the lease and says when to look again. */
  public Change releasing(Instant nextCheck) {
    set.put("lease_until", 0L);
    set.put("next_check_at", nextCheck.toEpochMilli());
    return this;
  }

  /** Records an event leading to the status set so far (events of one change chain in the order recorded). */
  public Change audit(String action, JsonObject detail) {
    events.add(new Event(action, detail, to));
    return this;
  }

  public PayoutStatus to() {
    return to;
  }

  /** The Mongo update document for a payout currently as {@code current}. */
  public JsonObject update(JsonObject current, AuditTrail.Actor actor, Instant now) {
    PayoutStatus from = PayoutDocs.status(current);
    boolean moves = to != null && to != from;
    if (moves && !from.mayBecome(to)) {
      throw new IllegalStateException("payout " + current.getString("_id") + " may not go from " + from + " to " + to);
    }
    if (moves && (events.isEmpty() || events.get(events.size() - 1).to() != to)) {
      throw new IllegalStateException("a status change needs an audit event");
    }
    JsonObject sets = set.copy().put("updated_at", now.toEpochMilli())
        .put("version", current.getInteger("version") + 1);
    JsonObject update = new JsonObject().put("$set", sets);
    if (!unset.isEmpty()) {
      update.put("$unset", unset);
    }
    if (!events.isEmpty()) {
      update.put("$push", new JsonObject().put(AuditTrail.FIELD, new JsonObject().put("$each", chain(current, actor,
          from, now))));
    }
    return update;
  }

  /** The events, each linked to the one before it (the first to the payout's last stored event). */
  private JsonArray chain(JsonObject current, AuditTrail.Actor actor, PayoutStatus from, Instant now) {
    JsonArray out = new JsonArray();
    JsonObject history = current;
    PayoutStatus at = from;
    for (Event e : events) {
      PayoutStatus next = e.to() == null ? at : e.to();
      JsonObject event = AuditTrail.next(history, actor, e.action(), at.api(), next.api(), e.detail(), now);
      out.add(event);
      at = next;
      if (out.size() < events.size()) {
        JsonArray grown = new JsonArray(new ArrayList<>(current.getJsonArray(AuditTrail.FIELD, new JsonArray())
            .getList()));
        out.forEach(grown::add);
        history = new JsonObject().put(AuditTrail.FIELD, grown);
      }
    }
    return out;
  }
}
