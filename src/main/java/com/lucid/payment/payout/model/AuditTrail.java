package com.lucid.payment.payout.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The check of a payout's tamper-evident history: its events are stored inside the payout document (so a state change
 * and its event are one atomic write), each carrying the hash of the one before ({@link AuditEvent}). Changing,
 * removing or reordering any event, or a status changed without its event, breaks the chain.
 */
public final class AuditTrail {
  private AuditTrail() {}

  /** What is wrong with a stored payout's chain; empty when every link holds and the last event matches its status. */
  public static List<String> verify(JsonObject payout) {
    List<String> problems = new ArrayList<>();
    JsonArray history = payout.getJsonArray(PayoutFields.AUDIT, new JsonArray());
    String prev = AuditEvent.GENESIS;
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
      if (!AuditEvent.hashOf(event).equals(hash)) {
        problems.add("event " + i + " was altered");
      }
      prev = hash;
      if (event.getString("to") != null) {
        lastTo = event.getString("to");
      }
    }
    if (history.isEmpty()) {
      problems.add("no history");
    } else if (!payout.getString(PayoutFields.STATUS, "").equals(lastTo)) {
      problems.add("status " + payout.getString(PayoutFields.STATUS) + " has no event (last event says " + lastTo
          + ")");
    }
    return problems;
  }
}
