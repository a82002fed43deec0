package com.lucid.payment.payout.model;

import com.lucid.payment.api.Usdt;
import com.lucid.payment.payout.audit.PayoutSealer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** The stored shape of a payout and its public view (the brief's PayoutResponse plus failure and hold fields). */
public final class PayoutDocs {
  /** Blocks until a TRON block is irreversible; the public count of a confirmed payout starts here. */
  public static final int SOLIDIFICATION_BLOCKS = 19;
  /** A typical time from broadcast to solidification on TRON (19 blocks of 3 s). */
  private static final long TYPICAL_SETTLEMENT_MS = 60_000;

  private PayoutDocs() {}

  /** A new pending payout document, with its first audit event. */
  public static JsonObject newPayout(String id, NewPayout p, String userId, String role, String requestId,
      List<String> limitKeys, Instant now, Instant releaseAt, AuditTrail.Actor actor, PayoutSealer sealer) {
    JsonObject doc = new JsonObject()
        .put("_id", id)
        .put("user_id", userId)
        .put("creator_role", role)
        .put("request_id", requestId)
        .put("recipient_address", p.recipient().base58())
        .put("amount", p.amount())
        .put("router_type", p.router().name())
        .put("priority", p.priority().name())
        .put("priority_rank", p.priority().rank())
        .put("batch_type", p.batchType().name())
        .put("reason", p.reason())
        .put("status", PayoutStatus.PENDING.api())
        .put("created_at", now.toEpochMilli())
        .put("updated_at", now.toEpochMilli())
        .put("release_at", releaseAt.toEpochMilli())
        .put("next_check_at", releaseAt.toEpochMilli())
        .put("lease_until", 0L)
        .put("version", 0)
        .put("limit_keys", new JsonArray(List.copyOf(limitKeys)))
        .put("attempts", new JsonArray())
        .put("attempt_count", 0)
        .put("retries_used", 0);
    p.sessionId().ifPresent(v -> doc.put("session_id", v));
    p.nodeId().ifPresent(v -> doc.put("node_id", v));
    p.customData().ifPresent(v -> doc.put("custom_data", v));
    p.kycHash().ifPresent(v -> doc.put("kyc_hash", v));
    p.compliance().ifPresent(c -> doc.put("compliance_signature", new JsonObject().put("expiry", c.expiry())
        .put("v", c.v()).put("r", c.r()).put("s", c.s())));
    sealer.seal(doc);
    JsonObject detail = new JsonObject().put("payout_id", id).put("user_id", userId)
        .put("amount_usdt", Usdt.format(p.amount())).put("recipient_address", p.recipient().base58())
        .put("router_type", p.router().name()).put(PayoutSealer.CONTRACT, doc.getString(PayoutSealer.CONTRACT))
        .put(PayoutSealer.SEAL, doc.getString(PayoutSealer.SEAL));
    doc.put(AuditTrail.FIELD, new JsonArray().add(AuditTrail.first(actor, PayoutStatus.PENDING.api(), detail, now)));
    return doc;
  }

  public static PayoutStatus status(JsonObject doc) {
    return PayoutStatus.fromApi(doc.getString("status")).orElseThrow();
  }

  /** The last attempt, if any was signed. */
  public static JsonObject currentAttempt(JsonObject doc) {
    JsonArray attempts = doc.getJsonArray("attempts", new JsonArray());
    return attempts.isEmpty() ? null : attempts.getJsonObject(attempts.size() - 1);
  }

  /** The public PayoutResponse. */
  public static JsonObject view(JsonObject doc, Instant now) {
    PayoutStatus status = status(doc);
    JsonObject out = new JsonObject()
        .put("payout_id", doc.getString("_id"))
        .put("status", status.api())
        .put("recipient_address", doc.getString("recipient_address"))
        .put("amount_usdt", Usdt.format(doc.getLong("amount")))
        .put("router_type", doc.getString("router_type"))
        .put("priority", doc.getString("priority"))
        .put("batch_type", doc.getString("batch_type"))
        .put("reason", doc.getString("reason"))
        .put("txid", txid(doc))
        .put("confirmations", doc.getInteger("confirmations"))
        .put("block_number", doc.getLong("block_number"))
        .put("block_timestamp", iso(doc.getLong("block_timestamp")))
        .put("fee_trx", doc.getLong("fee_sun") == null ? null : Usdt.format(doc.getLong("fee_sun")))
        .put("estimated_completion", status.terminal() ? null : iso(estimate(doc, now)))
        .put("created_at", iso(doc.getLong("created_at")))
        .put("confirmed_at", iso(doc.getLong("confirmed_at")))
        .put("request_id", doc.getString("request_id"));
    for (String optional : List.of("session_id", "node_id", "batch_id", "hold_reason", "failure_code",
        "failure_message")) {
      if (doc.getValue(optional) != null) {
        out.put(optional, doc.getValue(optional));
      }
    }
    if (doc.getJsonObject("custom_data") != null) {
      out.put("custom_data", doc.getJsonObject("custom_data"));
    }
    return out;
  }

  /** The confirmed transaction, else the live attempt's (known from signing on), else none. */
  private static String txid(JsonObject doc) {
    if (doc.getString("txid") != null) {
      return doc.getString("txid");
    }
    JsonObject attempt = currentAttempt(doc);
    return attempt == null || Attempts.dead(attempt) ? null : attempt.getString("txid");
  }

  private static long estimate(JsonObject doc, Instant now) {
    return Math.max(doc.getLong("release_at", 0L), now.toEpochMilli()) + TYPICAL_SETTLEMENT_MS;
  }

  public static String iso(Long epochMs) {
    return epochMs == null ? null : Instant.ofEpochMilli(epochMs).toString();
  }
}
