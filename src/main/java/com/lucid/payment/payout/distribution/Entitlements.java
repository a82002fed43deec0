package com.lucid.payment.payout.distribution;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Usdt;
import com.lucid.payment.payout.batch.BatchProblems;
import com.lucid.payment.payout.model.RouterType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A period's entitlements as submitted: {period: "2026-11", entries: [{recipient, node_id?, gross_usdt, router_type,
 * kyc_hash?, compliance_signature?}]}. Checks their shape (the payouts are checked by the plan); each recipient
 * appears once per period, since its rollover is carried per recipient. Problems of the entries are kept in
 * {@code problems} so the plan adds its own and every one is reported at once.
 */
record Entitlements(String period, List<Entitlements.Entry> entries, BatchProblems problems) {
  private static final Pattern PERIOD = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");
  private static final Set<String> FIELDS = Set.of("period", "entries");
  private static final Set<String> ENTRY_FIELDS = Set.of("recipient", "node_id", "gross_usdt", "router_type",
      "kyc_hash", "compliance_signature");

  /** One entitlement; kyc holds the KYC fields exactly as sent. */
  record Entry(int index, String recipient, Optional<String> nodeId, long gross, RouterType router,
      JsonObject kyc) {}

  static boolean isPeriod(String value) {
    return value != null && PERIOD.matcher(value).matches();
  }

  static Entitlements parse(JsonObject body, int maxEntries) {
    BatchProblems problems = new BatchProblems();
    body.fieldNames().stream().filter(f -> !FIELDS.contains(f)).sorted()
        .forEach(f -> problems.add(ErrorCode.INVALID_REQUEST, null, f, "unknown field"));
    Object period = body.getValue("period");
    if (!(period instanceof String p) || !isPeriod(p)) {
      problems.add(ErrorCode.INVALID_REQUEST, null, "period", "is required as YYYY-MM, e.g. 2026-11");
    }
    Object value = body.getValue("entries");
    if (!(value instanceof JsonArray given) || given.isEmpty() || given.size() > maxEntries) {
      problems.add(ErrorCode.INVALID_REQUEST, null, "entries", "must be an array of 1 to " + maxEntries + " entries");
    }
    problems.throwIfAny("");
    JsonArray list = (JsonArray) value;
    List<Entry> entries = new ArrayList<>(list.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.getValue(i) instanceof JsonObject e)) {
        problems.add(ErrorCode.INVALID_REQUEST, i, null, "must be a JSON object");
        continue;
      }
      Entry entry = entry(i, e, problems);
      if (entry == null) {
        continue;
      }
      Integer earlier = seen.putIfAbsent(entry.recipient(), i);
      if (earlier != null) {
        problems.add(ErrorCode.INVALID_REQUEST, i, "recipient", "appears again (first at index " + earlier
            + "): give one entry per recipient and period");
      } else {
        entries.add(entry);
      }
    }
    return new Entitlements((String) period, entries, problems);
  }

  private static Entry entry(int i, JsonObject e, BatchProblems problems) {
    int before = problems.count();
    e.fieldNames().stream().filter(f -> !ENTRY_FIELDS.contains(f)).sorted()
        .forEach(f -> problems.add(ErrorCode.INVALID_REQUEST, i, f, "unknown field"));
    if (!(e.getValue("recipient") instanceof String recipient) || recipient.isBlank()) {
      problems.add(ErrorCode.INVALID_ADDRESS, i, "recipient", "is required: a base58 TRON address");
      return null;
    }
    long gross = 0;
    try {
      gross = Usdt.parse(e.getValue("gross_usdt"));
      if (gross == 0) {
        problems.add(ErrorCode.INVALID_AMOUNT, i, "gross_usdt", "must be above 0");
      }
    } catch (IllegalArgumentException | ArithmeticException bad) {
      problems.add(ErrorCode.INVALID_AMOUNT, i, "gross_usdt", e.getValue("gross_usdt") == null ? "is required"
          : bad.getMessage());
    }
    Optional<RouterType> router = RouterType.fromApi(String.valueOf(e.getValue("router_type")));
    if (router.isEmpty()) {
      problems.add(ErrorCode.INVALID_ROUTER, i, "router_type", "must be PayoutRouterV0 or PayoutRouterKYC");
    }
    Object nodeId = e.getValue("node_id");
    if (nodeId != null && !(nodeId instanceof String)) {
      problems.add(ErrorCode.INVALID_REQUEST, i, "node_id", "must be a string");
    }
    if (problems.count() > before) {
      return null;
    }
    JsonObject kyc = new JsonObject();
    for (String f : new String[] {"kyc_hash", "compliance_signature"}) {
      if (e.containsKey(f)) {
        kyc.put(f, e.getValue(f));
      }
    }
    return new Entry(i, recipient, Optional.ofNullable((String) nodeId), gross, router.get(), kyc);
  }
}
