package com.lucid.payment.payout.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The tamper-evident history of a payout: events stored inside the payout document (so a state change and its event
 * are one atomic write), each carrying the hash of the one before. Changing, removing or reordering any event, or a
 * status changed without its event, breaks the chain.
 */
public final class AuditTrail {
  public static final String FIELD = "audit";
  private static final String GENESIS = "genesis";

  private AuditTrail() {}

  /** Who did something and on which request. */
  public record Actor(String id, String requestId) {
    public static Actor worker(String owner) {
      return new Actor("worker:" + owner, null);
    }
  }

  /** The next event after the payout's current history. */
  public static JsonObject next(JsonObject payout, Actor actor, String action, String from, String to, JsonObject detail,
      Instant at) {
    JsonArray history = payout.getJsonArray(FIELD, new JsonArray());
    String prev = history.isEmpty() ? GENESIS : history.getJsonObject(history.size() - 1).getString("hash");
    JsonObject event = new JsonObject()
        .put("seq", history.size())
        .put("at", at.toString())
        .put("actor", actor.id())
        .put("request_id", actor.requestId())
        .put("action", action)
        .put("from", from)
        .put("to", to)
        .put("detail", detail == null ? new JsonObject() : detail)
        .put("prev", prev);
    return event.put("hash", Canonical.sha256(event));
  }

  /** The first event of a new payout (it has no history yet). */
  public static JsonObject first(Actor actor, String to, JsonObject detail, Instant at) {
    return next(new JsonObject(), actor, "created", null, to, detail, at);
  }

  /** What is wrong with a payout's chain; empty when every link holds and the last event matches its status. */
  public static List<String> verify(JsonObject payout) {
    List<String> problems = new ArrayList<>();
    JsonArray history = payout.getJsonArray(FIELD, new JsonArray());
    String prev = GENESIS;
    String lastTo = null;
    for (int i = 0; i < history.size(); i++) {
      JsonObject event = history.getJsonObject(i).copy();
      String hash = (String) event.remove("hash");
      if (event.getInteger("seq", -1) != i) {
        problems.add("event " + i + " has sequence " + event.getValue("seq"));
      }
      if (!prev.equals(event.getString("prev"))) {
        problems.add("event " + i + " does not follow event " + (i - 1));
      }
      if (!Canonical.sha256(event).equals(hash)) {
        problems.add("event " + i + " was altered");
      }
      prev = hash;
      if (event.getString("to") != null) {
        lastTo = event.getString("to");
      }
    }
    if (history.isEmpty()) {
      problems.add("no history");
    } else if (!payout.getString("status", "").equals(lastTo)) {
      problems.add("status " + payout.getString("status") + " has no event (last event says " + lastTo + ")");
    }
    return problems;
  }
}
