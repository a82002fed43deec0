package com.lucid.payment.payout.model;

import com.lucid.payment.api.Usdt;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A payout as clients see it: the brief's PayoutResponse plus its failure and hold fields. */
public final class PayoutView {
  /** Blocks until a TRON block is irreversible; the public count of a confirmed payout starts here. */
  public static final int SOLIDIFICATION_BLOCKS = 19;
  /** A typical time from broadcast to solidification on TRON (19 blocks of 3 s). */
  private static final long TYPICAL_SETTLEMENT_MS = 60_000;

  private PayoutView() {}

  public static JsonObject of(Payout p, Instant now) {
    NewPayout r = p.terms().request();
    Settlement s = p.settlement().orElse(null);
    JsonObject out = new JsonObject()
        .put("payout_id", p.id())
        .put("status", p.status().api())
        .put("recipient_address", r.recipient().base58())
        .put("amount_usdt", Usdt.format(r.amount()))
        .put("router_type", r.router().name())
        .put("priority", r.priority().name())
        .put("batch_type", r.batchType().name())
        .put("reason", r.reason())
        .put("txid", txid(p))
        .put("confirmations", s == null ? null : s.confirmations())
        .put("block_number", s == null ? null : s.blockNumber())
        .put("block_timestamp", s == null ? null : iso(s.blockTimestamp()))
        .put("fee_trx", s == null ? null : Usdt.format(s.feeSun()))
        .put("estimated_completion", p.status().terminal() ? null : iso(estimate(p, now)))
        .put("created_at", iso(p.terms().createdAt()))
        .put("confirmed_at", s == null ? null : iso(s.confirmedAt()))
        .put("request_id", p.terms().requestId());
    r.sessionId().ifPresent(v -> out.put("session_id", v));
    r.nodeId().ifPresent(v -> out.put("node_id", v));
    p.terms().batchId().ifPresent(v -> out.put("batch_id", v));
    p.state().hold().ifPresent(h -> out.put("hold_reason", h.stored()));
    p.state().failure().ifPresent(f -> out.put("failure_code", f.code()).put("failure_message", f.message()));
    r.customData().ifPresent(v -> out.put("custom_data", v));
    return out;
  }

  /** The confirmed transaction, else the live attempt's (known from signing on), else none. */
  private static String txid(Payout p) {
    if (p.settlement().isPresent()) {
      return p.settlement().get().txid();
    }
    return p.current().filter(a -> !a.dead()).map(Attempt::txid).orElse(null);
  }

  private static long estimate(Payout p, Instant now) {
    return Math.max(p.terms().releaseAt(), now.toEpochMilli()) + TYPICAL_SETTLEMENT_MS;
  }

  public static String iso(Long epochMs) {
    return epochMs == null ? null : Instant.ofEpochMilli(epochMs).toString();
  }
}
