package com.lucid.payment.payout.audit;

import com.lucid.payment.api.Usdt;
import com.lucid.payment.payout.model.AuditAction;
import com.lucid.payment.payout.model.AuditTrail;
import com.lucid.payment.payout.model.HoldReason;
import com.lucid.payment.payout.model.PayoutFields;
import com.lucid.payment.seal.PayoutSeal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code verify-audit} checks of one stored payout: its history's hash chain, its seal and each attempt's,
 * that its money fields are still those its creation event recorded, and that the service did not find it tampered
 * with (a rolled-back copy holds its seals; the signer's journal caught it).
 */
public final class StoredPayoutCheck {
  private StoredPayoutCheck() {}

  /** What is wrong with the payout; empty when it holds together. Never throws on a malformed document. */
  public static List<String> problems(JsonObject doc, PayoutSeal seal) {
    List<String> problems = new ArrayList<>();
    try {
      problems.addAll(AuditTrail.verify(doc));
    } catch (RuntimeException malformed) {
      problems.add("its history is malformed");
    }
    // the contract is read back from the document: only checking, nothing is sealed here
    new PayoutSealer(seal, null).problem(doc).ifPresent(problems::add);
    creation(doc).ifPresent(problems::add);
    if (HoldReason.INTEGRITY_VIOLATION.stored().equals(doc.getValue(PayoutFields.HOLD_REASON))) {
      problems.add("the service held it: " + doc.getValue(PayoutFields.INTEGRITY_PROBLEM));
    }
    return problems;
  }

  private static java.util.Optional<String> creation(JsonObject doc) {
    try {
      JsonArray history = doc.getJsonArray(PayoutFields.AUDIT, new JsonArray());
      JsonObject created = history.isEmpty() ? null : history.getJsonObject(0);
      if (created == null || !AuditAction.CREATED.stored().equals(created.getString("action"))) {
        return java.util.Optional.of("its history does not begin with its creation");
      }
      JsonObject detail = created.getJsonObject("detail", new JsonObject());
      Map<String, Object> now = Map.of(
          "payout_id", doc.getString(PayoutFields.ID),
          "user_id", doc.getString(PayoutFields.USER_ID),
          "amount_usdt", Usdt.format(doc.getLong(PayoutFields.AMOUNT)),
          "recipient_address", doc.getString(PayoutFields.RECIPIENT),
          "router_type", doc.getString(PayoutFields.ROUTER),
          PayoutFields.USDT_CONTRACT, doc.getString(PayoutFields.USDT_CONTRACT),
          PayoutFields.SEAL, doc.getString(PayoutFields.SEAL));
      List<String> changed = now.entrySet().stream()
          .filter(e -> !Objects.equals(e.getValue(), detail.getValue(e.getKey()))).map(Map.Entry::getKey).sorted()
          .toList();
      return changed.isEmpty() ? java.util.Optional.empty()
          : java.util.Optional.of("its " + String.join(", ", changed) + " differ from its creation event");
    } catch (RuntimeException malformed) {
      return java.util.Optional.of("its money fields or creation event are malformed");
    }
  }
}
