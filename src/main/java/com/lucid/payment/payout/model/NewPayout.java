package com.lucid.payment.payout.model;

import com.lucid.payment.tron.chain.ComplianceProof;
import com.lucid.payment.tron.chain.TronAddress;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** A validated payout request, ready to be accepted. */
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
    Optional<ComplianceProof> compliance) {}
