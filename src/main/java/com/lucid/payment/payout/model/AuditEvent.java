package com.lucid.payment.payout.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * One event of a payout's hash-chained history: its place, time, actor, request, action, the statuses it went from
 * and to, its detail, and the hash of the event before it ({@code genesis} for the first). Its own hash is the
 * SHA-256 of its canonical JSON without the hash.
 */
public record AuditEvent(int seq, String at, String actor, String requestId, String action, String from, String to,
    JsonObject detail, String prev, String hash) {
  static final String GENESIS = "genesis";

  /** The next event after {@code history}, hashed. */
  public static AuditEvent after(List<AuditEvent> history, Actor actor, String action, String from, String to,
      JsonObject detail, Instant at) {
    String prev = history.isEmpty() ? GENESIS : history.get(history.size() - 1).hash();
    return next(history.size(), prev, actor, action, from, to, detail, at);
  }

  /** The next event after a stored history, read no further than its length and its last hash. */
  public static AuditEvent afterStored(JsonArray history, Actor actor, String action, String from, String to,
      JsonObject detail, Instant at) {
    String prev = history.isEmpty() ? GENESIS : history.getJsonObject(history.size() - 1).getString("hash");
    return next(history.size(), prev, actor, action, from, to, detail, at);
  }

  private static AuditEvent next(int seq, String prev, Actor actor, String action, String from, String to,
      JsonObject detail, Instant at) {
    JsonObject unhashed = unhashed(seq, at.toString(), actor.id(), actor.requestId(), action, from, to,
        detail == null ? new JsonObject() : detail, prev);
    return fromStored(unhashed.put("hash", hashOf(unhashed)));
  }

  /** The first event of a new payout. */
  public static AuditEvent created(Actor actor, String to, JsonObject detail, Instant at) {
    return after(List.of(), actor, AuditAction.CREATED.stored(), null, to, detail, at);
  }

  /** The hash of an event as stored, its own hash left out. */
  static String hashOf(JsonObject withoutHash) {
    return Canonical.sha256(withoutHash);
  }

  private static JsonObject unhashed(int seq, String at, String actor, String requestId, String action, String from,
      String to, JsonObject detail, String prev) {
    return new JsonObject()
        .put("seq", seq)
        .put("at", at)
        .put("actor", actor)
        .put("request_id", requestId)
        .put("action", action)
        .put("from", from)
        .put("to", to)
        .put("detail", detail)
        .put("prev", prev);
  }

  /** The stored form, every field present (a null one as null), as it was hashed. */
  public JsonObject toStored() {
    return unhashed(seq, at, actor, requestId, action, from, to, detail, prev).put("hash", hash);
  }

  public static AuditEvent fromStored(JsonObject e) {
    return new AuditEvent(e.getInteger("seq"), e.getString("at"), e.getString("actor"), e.getString("request_id"),
        e.getString("action"), e.getString("from"), e.getString("to"), e.getJsonObject("detail"), e.getString("prev"),
        e.getString("hash"));
  }
}
