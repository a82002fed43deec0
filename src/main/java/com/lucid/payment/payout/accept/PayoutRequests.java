package com.lucid.payment.payout.accept;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.api.Usdt;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.payout.model.BatchType;
import com.lucid.payment.payout.model.ChainIdentity;
import com.lucid.payment.payout.model.NewPayout;
import com.lucid.payment.payout.model.Priority;
import com.lucid.payment.payout.model.RouterType;
import com.lucid.payment.tron.chain.ComplianceProof;
import com.lucid.payment.tron.chain.ComplianceSignature;
import com.lucid.payment.tron.chain.ComplianceVerdict;
import com.lucid.payment.tron.chain.Hex;
import com.lucid.payment.tron.chain.InvalidAddressException;
import com.lucid.payment.tron.chain.TronAddress;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Validates the body of POST /payouts (and of each batch item) into a {@link NewPayout}. Every problem is reported at
 * once in details.errors; the error code is that of the first problem.
 */
public final class PayoutRequests {
  static final Set<String> FIELDS = Set.of("recipient_address", "amount_usdt", "reason", "router_type", "priority",
      "batch_type", "session_id", "node_id", "custom_data", "kyc_hash", "compliance_signature");
  private static final int MAX_CUSTOM_DATA_BYTES = 1000;

  private final ServiceConfig.Acceptance config;
  private final ChainIdentity chain;
  private final Optional<TronAddress> complianceSigner;

  public PayoutRequests(ServiceConfig.Acceptance config, ChainIdentity chain) {
    this.config = config;
    this.chain = chain;
    this.complianceSigner = config.complianceSigner().map(TronAddress::fromBase58);
  }

  private record Problem(ErrorCode code, String field, String message) {}

  /** Validates a single payout request of a caller with the given role at {@code nowSeconds}. */
  public NewPayout parse(JsonObject body, Role role, long nowSeconds) {
    List<Problem> problems = new ArrayList<>();
    for (String name : body.fieldNames()) {
      if (!FIELDS.contains(name)) {
        problems.add(new Problem(ErrorCode.INVALID_REQUEST, name, "unknown field"));
      }
    }
    TronAddress recipient = recipient(body.getValue("recipient_address"), problems);
    Optional<RouterType> router = enumField(body, "router_type", RouterType::fromApi, null, ErrorCode.INVALID_ROUTER,
        "must be PayoutRouterV0 or PayoutRouterKYC", problems);
    long amount = amount(body.getValue("amount_usdt"), router.orElse(null), problems);
    String reason = text(body, "reason", 1, 200, true, problems).orElse(null);
    Priority priority = enumField(body, "priority", Priority::fromApi, Priority.NORMAL, ErrorCode.INVALID_REQUEST,
        "must be LOW, NORMAL, HIGH or URGENT", problems).orElse(Priority.NORMAL);
    BatchType batchType = enumField(body, "batch_type", BatchType::fromApi, BatchType.IMMEDIATE,
        ErrorCode.INVALID_REQUEST, "must be IMMEDIATE, HOURLY, DAILY, WEEKLY or MONTHLY", problems)
        .orElse(BatchType.IMMEDIATE);
    Optional<String> sessionId = text(body, "session_id", 1, 50, false, problems);
    Optional<String> nodeId = text(body, "node_id", 1, 50, false, problems);
    Optional<JsonObject> customData = customData(body.getValue("custom_data"), problems);
    Optional<String> kycHash = Optional.empty();
    Optional<ComplianceProof> proof = Optional.empty();
    if (router.isPresent() && router.get() == RouterType.PayoutRouterKYC) {
      if (!role.mayUseKycRouter()) {
        throw new ApiFailure(ErrorCode.FORBIDDEN, "role " + role.claim() + " may not use PayoutRouterKYC");
      }
      if (nodeId.isEmpty() && !body.containsKey("node_id")) {
        problems.add(new Problem(ErrorCode.INVALID_REQUEST, "node_id", "is required for PayoutRouterKYC"));
      }
      kycHash = kycHash(body.getValue("kyc_hash"), problems);
      proof = compliance(body.getValue("compliance_signature"), problems);
      if (recipient != null && kycHash.isPresent() && proof.isPresent()) {
        checkCompliance(recipient, kycHash.get(), proof.get(), nowSeconds, problems);
      }
    } else {
      for (String kycOnly : List.of("kyc_hash", "compliance_signature")) {
        if (body.containsKey(kycOnly)) {
          problems.add(new Problem(ErrorCode.INVALID_REQUEST, kycOnly, "is only for PayoutRouterKYC"));
        }
      }
    }
    if (!problems.isEmpty()) {
      JsonArray errors = new JsonArray();
      problems.forEach(p -> errors.add(new JsonObject().put("field", p.field()).put("message", p.message())));
      Problem first = problems.get(0);
      throw new ApiFailure(first.code(), first.field() + " " + first.message(),
          new JsonObject().put("errors", errors));
    }
    return new NewPayout(recipient, amount, reason, router.orElseThrow(), priority, batchType, sessionId, nodeId,
        customData, kycHash, proof);
  }

  private TronAddress recipient(Object value, List<Problem> problems) {
    if (!(value instanceof String s)) {
      problems.add(new Problem(ErrorCode.INVALID_ADDRESS, "recipient_address", value == null
          ? "is required" : "must be a base58 TRON address string"));
      return null;
    }
    try {
      TronAddress address = TronAddress.fromBase58(s);
      if (address.equals(chain.hotWallet())) {
        problems.add(new Problem(ErrorCode.INVALID_ADDRESS, "recipient_address", "is the hot wallet itself"));
      } else if (address.equals(chain.usdtContract())) {
        problems.add(new Problem(ErrorCode.INVALID_ADDRESS, "recipient_address", "is the USDT contract"));
      }
      return address;
    } catch (InvalidAddressException e) {
      problems.add(new Problem(ErrorCode.INVALID_ADDRESS, "recipient_address", "is not a valid TRON address: "
          + e.getMessage()));
      return null;
    }
  }

  private long amount(Object value, RouterType router, List<Problem> problems) {
    if (value == null) {
      problems.add(new Problem(ErrorCode.INVALID_AMOUNT, "amount_usdt", "is required"));
      return 0;
    }
    long units;
    try {
      units = Usdt.parse(value);
    } catch (IllegalArgumentException | ArithmeticException e) {
      problems.add(new Problem(ErrorCode.INVALID_AMOUNT, "amount_usdt", e.getMessage()));
      return 0;
    }
    ServiceConfig.RouterLimits limits = router == RouterType.PayoutRouterKYC ? config.kyc() : config.v0();
    if (units < limits.minUnits()) {
      problems.add(new Problem(ErrorCode.INVALID_AMOUNT, "amount_usdt", "is below the minimum of "
          + Usdt.format(limits.minUnits()) + " USDT"));
    } else if (units > limits.maxUnits()) {
      problems.add(new Problem(ErrorCode.INVALID_AMOUNT, "amount_usdt", "is above the maximum of "
          + Usdt.format(limits.maxUnits()) + " USDT per payout" + (router == null ? "" : " for " + router)));
    }
    return units;
  }

  private static Optional<String> text(JsonObject body, String field, int min, int max, boolean required,
      List<Problem> problems) {
    Object value = body.getValue(field);
    if (value == null) {
      if (required) {
        problems.add(new Problem(ErrorCode.INVALID_REQUEST, field, "is required"));
      }
      return Optional.empty();
    }
    if (!(value instanceof String s) || s.isBlank() || s.length() < min || s.length() > max) {
      problems.add(new Problem(ErrorCode.INVALID_REQUEST, field, "must be a string of " + min + " to " + max
          + " characters"));
      return Optional.empty();
    }
    return Optional.of(s);
  }

  private static <E> Optional<E> enumField(JsonObject body, String field,
      java.util.function.Function<String, Optional<E>> parse, E fallback, ErrorCode code, String rule,
      List<Problem> problems) {
    Object value = body.getValue(field);
    if (value == null) {
      if (fallback == null) {
        problems.add(new Problem(code, field, "is required and " + rule));
      }
      return Optional.ofNullable(fallback);
    }
    Optional<E> parsed = value instanceof String s ? parse.apply(s) : Optional.empty();
    if (parsed.isEmpty()) {
      problems.add(new Problem(code, field, rule));
    }
    return parsed;
  }

  private static Optional<JsonObject> customData(Object value, List<Problem> problems) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonObject o)) {
      problems.add(new Problem(ErrorCode.INVALID_REQUEST, "custom_data", "must be a JSON object"));
      return Optional.empty();
    }
    if (o.encode().getBytes(StandardCharsets.UTF_8).length > MAX_CUSTOM_DATA_BYTES) {
      problems.add(new Problem(ErrorCode.INVALID_REQUEST, "custom_data", "must be at most "
          + MAX_CUSTOM_DATA_BYTES + " bytes as JSON"));
      return Optional.empty();
    }
    return Optional.of(o);
  }

  private static Optional<String> kycHash(Object value, List<Problem> problems) {
    if (value instanceof String s && Hex.isHex(s, 64)) {
      return Optional.of(s.toLowerCase(java.util.Locale.ROOT));
    }
    problems.add(new Problem(ErrorCode.INVALID_REQUEST, "kyc_hash", "is required for PayoutRouterKYC: 64 hex characters"));
    return Optional.empty();
  }

  private static Optional<ComplianceProof> compliance(Object value, List<Problem> problems) {
    if (value instanceof JsonObject o && o.fieldNames().equals(Set.of("expiry", "v", "r", "s"))
        && (o.getValue("expiry") instanceof Integer || o.getValue("expiry") instanceof Long)
        && o.getValue("v") instanceof Integer && o.getValue("r") instanceof String
        && o.getValue("s") instanceof String) {
      return Optional.of(new ComplianceProof(o.getLong("expiry"), o.getInteger("v"), o.getString("r"),
          o.getString("s")));
    }
    problems.add(new Problem(ErrorCode.COMPLIANCE_SIGNATURE, "compliance_signature",
        "is required for PayoutRouterKYC: {expiry (unix seconds), v, r, s}"));
    return Optional.empty();
  }

  private void checkCompliance(TronAddress recipient, String kycHash, ComplianceProof proof, long nowSeconds,
      List<Problem> problems) {
    if (complianceSigner.isEmpty()) {
      problems.add(new Problem(ErrorCode.COMPLIANCE_SIGNATURE, "compliance_signature",
          "cannot be checked: no compliance signer is configured (COMPLIANCE_SIGNER_ADDRESS)"));
      return;
    }
    ComplianceVerdict verdict = ComplianceSignature.check(recipient, Hex.decode(kycHash), proof,
        complianceSigner.get(), nowSeconds);
    if (!verdict.isValid()) {
      problems.add(new Problem(ErrorCode.COMPLIANCE_SIGNATURE, "compliance_signature",
          "is not valid: " + verdict.detail()));
    }
  }
}
