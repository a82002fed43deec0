package com.lucid.payment.payout.model;

import static com.lucid.payment.payout.model.PayoutFields.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One compare-and-set update of a payout, named for what happens to it, and the audit events that explain it, in
 * order (at least one whenever the status changes). Applied by {@link PayoutRepository#apply}.
 */
public final class Change {
  private final JsonObject set = new JsonObject();
  private final JsonObject unset = new JsonObject();
  private final List<Event> events = new ArrayList<>();
  private PayoutStatus to;

  /** An audit event; {@code to} is the status set before it was recorded (null: unchanged). */
  private record Event(AuditAction action, JsonObject detail, PayoutStatus to) {}

  public static Change of() {
    return new Change();
  }

  public Change status(PayoutStatus next) {
    this.to = next;
    set.put(STATUS, next.api());
    return this;
  }

  public Change hold(HoldReason reason) {
    set.put(HOLD_REASON, reason.stored());
    return this;
  }

  public Change clearHold() {
    unset.put(HOLD_REASON, "");
    return this;
  }

  /** The payout's attempts after this change (a new one appended, or the last one's broadcasts and fate updated). */
  public Change attempts(List<Attempt> all) {
    set.put(ATTEMPTS, PayoutDocuments.attempts(all));
    set.put(ATTEMPT_COUNT, all.size());
    return this;
  }

  public Change retriesUsed(int retries) {
    set.put(RETRIES_USED, retries);
    return this;
  }

  public Change settled(Settlement settlement) {
    PayoutDocuments.settled(set, settlement);
    return this;
  }

  public Change failed(String code, String message) {
    set.put(FAILURE_CODE, code).put(FAILURE_MESSAGE, message);
    return this;
  }

  /** Its amount is given back to the limit windows by the caller once this write won. */
  public Change limitsReleased() {
    set.put(LIMITS_RELEASED, true);
    return this;
  }

  /** Ends the worker's turn in this same write: frees the lease and says when to look again. */
  public Change releasing(Instant nextCheck) {
    set.put(LEASE_UNTIL, 0L);
    set.put(NEXT_CHECK_AT, nextCheck.toEpochMilli());
    return this;
  }

  /** Records an event leading to the status set so far (events of one change chain in the order recorded). */
  public Change audit(AuditAction action, JsonObject detail) {
    events.add(new Event(action, detail, to));
    return this;
  }

  /** The Mongo update document for a payout currently as {@code current}. */
  JsonObject update(Payout current, Actor actor, Instant now) {
    PayoutStatus from = current.status();
    boolean moves = to != null && to != from;
    if (moves && !from.mayBecome(to)) {
      throw new IllegalStateException("payout " + current.id() + " may not go from " + from + " to " + to);
    }
    if (moves && (events.isEmpty() || events.get(events.size() - 1).to() != to)) {
      throw new IllegalStateException("a status change needs an audit event");
    }
    JsonObject sets = set.copy().put(UPDATED_AT, now.toEpochMilli()).put(VERSION, current.state().version() + 1);
    JsonObject update = new JsonObject().put("$set", sets);
    if (!unset.isEmpty()) {
      update.put("$unset", unset);
    }
    if (!events.isEmpty()) {
      update.put("$push", new JsonObject().put(AUDIT, new JsonObject().put("$each", chain(current.history(), actor,
          from, now))));
    }
    return update;
  }

  /** The events, each linked to the one before it (the first to the payout's last stored event). */
  private JsonArray chain(List<AuditEvent> history, Actor actor, PayoutStatus from, Instant now) {
    List<AuditEvent> grown = new ArrayList<>(history);
    JsonArray out = new JsonArray();
    PayoutStatus at = from;
    for (Event e : events) {
      PayoutStatus next = e.to() == null ? at : e.to();
      AuditEvent event = AuditEvent.after(grown, actor, e.action().stored(), at.api(), next.api(), e.detail(), now);
      grown.add(event);
      out.add(event.toStored());
      at = next;
    }
    return out;
  }
}
