package com.lucid.payment.payout.model;

import static com.lucid.payment.payout.model.PayoutFields.*;

import com.lucid.payment.tron.chain.ComplianceProof;
import com.lucid.payment.tron.chain.TronAddress;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** A validated payout request, ready to be accepted; stored inside its payout, and inside its batch until then. */
public record NewPayout(
    TronAddress recipient,
    long amount,
    String reason,
    RouterType router,
    Priority priority,
    BatchType batchType,
    Optional<String> sessionId,
    Optional<String> nodeId,
    Optional<JsonObject> customData,
    Optional<String> kycHash,
    Optional<ComplianceProof> compliance) {

  /** Writes what was asked (without priority and release window, which a batch sets once for all its payouts). */
  public JsonObject writeTo(JsonObject doc) {
    doc.put(RECIPIENT, recipient.base58()).put(AMOUNT, amount).put(REASON, reason).put(ROUTER, router.name());
    sessionId.ifPresent(v -> doc.put(SESSION_ID, v));
    nodeId.ifPresent(v -> doc.put(NODE_ID, v));
    customData.ifPresent(v -> doc.put(CUSTOM_DATA, v));
    kycHash.ifPresent(v -> doc.put(KYC_HASH, v));
    compliance.ifPresent(c -> doc.put(COMPLIANCE_SIGNATURE, new JsonObject().put("expiry", c.expiry())
        .put("v", c.v()).put("r", c.r()).put("s", c.s())));
    return doc;
  }

  /** What {@link #writeTo} wrote, with the priority and release window it is paid under. */
  public static NewPayout readFrom(JsonObject doc, Priority priority, BatchType batchType) {
    JsonObject sig = doc.getJsonObject(COMPLIANCE_SIGNATURE);
    Optional<ComplianceProof> proof = sig == null ? Optional.empty() : Optional.of(new ComplianceProof(
        sig.getLong("expiry"), sig.getInteger("v"), sig.getString("r"), sig.getString("s")));
    return new NewPayout(TronAddress.fromBase58(doc.getString(RECIPIENT)), doc.getLong(AMOUNT), doc.getString(REASON),
        RouterType.valueOf(doc.getString(ROUTER)), priority, batchType,
        Optional.ofNullable(doc.getString(SESSION_ID)), Optional.ofNullable(doc.getString(NODE_ID)),
        Optional.ofNullable(doc.getJsonObject(CUSTOM_DATA)), Optional.ofNullable(doc.getString(KYC_HASH)), proof);
  }
}
