package com.lucid.payment.payout.batch;

import com.lucid.payment.payout.model.BatchType;
import com.lucid.payment.payout.model.NewPayout;
import com.lucid.payment.payout.model.Priority;
import com.lucid.payment.payout.model.RouterType;
import com.lucid.payment.tron.chain.ComplianceProof;
import com.lucid.payment.tron.chain.TronAddress;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * A validated payout as stored inside its batch document, with its pre-generated payout id: enough to write the payout
 * later (after a crash, by a replay or the sweep) without validating it again, so a compliance signature that expired
 * in between cannot strand an accepted batch.
 */
public final class BatchItems {
  private BatchItems() {}

  public static JsonObject toItem(String payoutId, NewPayout p) {
    JsonObject item = new JsonObject()
        .put("payout_id", payoutId)
        .put("recipient_address", p.recipient().base58())
        .put("amount", p.amount())
        .put("reason", p.reason())
        .put("router_type", p.router().name());
    p.sessionId().ifPresent(v -> item.put("session_id", v));
    p.nodeId().ifPresent(v -> item.put("node_id", v));
    p.customData().ifPresent(v -> item.put("custom_data", v));
    p.kycHash().ifPresent(v -> item.put("kyc_hash", v));
    p.compliance().ifPresent(c -> item.put("compliance_signature", new JsonObject().put("expiry", c.expiry())
        .put("v", c.v()).put("r", c.r()).put("s", c.s())));
    return item;
  }

  /** The payout of a stored item; priority and release window are the batch's. */
  public static NewPayout fromItem(JsonObject item, Priority priority, BatchType batchType) {
    JsonObject sig = item.getJsonObject("compliance_signature");
    Optional<ComplianceProof> proof = sig == null ? Optional.empty() : Optional.of(new ComplianceProof(
        sig.getLong("expiry"), sig.getInteger("v"), sig.getString("r"), sig.getString("s")));
    return new NewPayout(
        TronAddress.fromBase58(item.getString("recipient_address")),
        item.getLong("amount"),
        item.getString("reason"),
        RouterType.valueOf(item.getString("router_type")),
        priority,
        batchType,
        Optional.ofNullable(item.getString("session_id")),
        Optional.ofNullable(item.getString("node_id")),
        Optional.ofNullable(item.getJsonObject("custom_data")),
        Optional.ofNullable(item.getString("kyc_hash")),
        proof);
  }
}
