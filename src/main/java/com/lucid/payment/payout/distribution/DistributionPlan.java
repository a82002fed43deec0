package com.lucid.payment.payout.distribution;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.Role;
import com.lucid.payment.api.Usdt;
import com.lucid.payment.payout.accept.PayoutRequests;
import com.lucid.payment.payout.batch.BatchItems;
import com.lucid.payment.payout.batch.BatchOrder;
import com.lucid.payment.payout.batch.BatchRequests;
import com.lucid.payment.payout.model.BatchType;
import com.lucid.payment.payout.model.NewPayout;
import com.lucid.payment.payout.model.PayoutIds;
import com.lucid.payment.payout.model.Priority;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of one period, exact in base units. For each entry: fee = gross × fee basis points / 10,000, rounded
 * down to a base unit (so a fee never exceeds its rate); net = gross − fee + the recipient's unconsumed rollovers of
 * earlier periods; a net below the distribution minimum is rolled over to the recipient's next period, any other is
 * paid in the period's MONTHLY batch. Every entry is checked as a payout (address, router, KYC), all or nothing.
 */
public final class DistributionPlan {
  public static final String PAID = "paid";
  public static final String ROLLED_OVER = "rolled_over";
  private static final int BASIS_POINTS = 10_000;

  private DistributionPlan() {}

  public static long fee(long gross, int feeBps) {
    return Math.multiplyExact(gross, (long) feeBps) / BASIS_POINTS;
  }

  /**
   * The plan's lines, in entry order: {index, recipient, node_id?, router_type, gross, fee, rollover_in, rollover_ids,
   * net, outcome: paid|rolled_over, payout_id and item (the batch item) when paid}.
   *
   * @param rollovers per recipient, the rollover documents it may consume
   */
  public static JsonArray lines(Entitlements entitlements, Map<String, List<JsonObject>> rollovers, int feeBps,
      long minPayout, PayoutRequests requests, Role role, long nowSeconds) {
    BatchRequests.Problems problems = entitlements.problems().copy();
    JsonArray lines = new JsonArray();
    for (Entitlements.Entry e : entitlements.entries()) {
      long fee;
      try {
        fee = fee(e.gross(), feeBps);
      } catch (ArithmeticException tooLarge) {
        problems.add(com.lucid.payment.api.ErrorCode.INVALID_AMOUNT, e.index(), "gross_usdt", "is too large");
        continue;
      }
      long rolloverIn = 0;
      JsonArray rolloverIds = new JsonArray();
      for (JsonObject r : rollovers.getOrDefault(e.recipient(), List.of())) {
        rolloverIn = Math.addExact(rolloverIn, r.getLong("amount"));
        rolloverIds.add(r.getString("_id"));
      }
      long net = Math.addExact(e.gross() - fee, rolloverIn);
      boolean paid = net >= minPayout;
      JsonObject request = new JsonObject().put("recipient_address", e.recipient())
          .put("amount_usdt", Usdt.format(paid ? net : minPayout))
          .put("reason", "monthly distribution " + entitlements.period()).put("router_type", e.router().name())
          .put("priority", Priority.NORMAL.name()).put("batch_type", BatchType.MONTHLY.name()).mergeIn(e.kyc());
      e.nodeId().ifPresent(n -> request.put("node_id", n));
      NewPayout payout;
      try {
        payout = requests.parse(request, role, nowSeconds);
      } catch (ApiFailure failure) {
        problems.addAll(e.index(), renamed(failure));
        continue;
      }
      JsonObject line = new JsonObject().put("index", e.index()).put("recipient", e.recipient())
          .put("router_type", e.router().name()).put("gross", e.gross()).put("fee", fee)
          .put("rollover_in", rolloverIn).put("rollover_ids", rolloverIds).put("net", net)
          .put("outcome", paid ? PAID : ROLLED_OVER);
      e.nodeId().ifPresent(n -> line.put("node_id", n));
      if (paid) {
        String payoutId = PayoutIds.payout();
        line.put("payout_id", payoutId).put("item", BatchItems.toItem(payoutId, payout));
      }
      lines.add(line);
    }
    problems.throwIfAny("entries");
    return lines;
  }

  /** The entry's own field names: the payout's amount is the computed net. */
  private static ApiFailure renamed(ApiFailure failure) {
    JsonArray errors = new JsonArray();
    for (Object o : failure.details().getJsonArray("errors", new JsonArray())) {
      JsonObject e = ((JsonObject) o).copy();
      e.put("field", switch (e.getString("field", "")) {
        case "recipient_address" -> "recipient";
        case "amount_usdt" -> "net_usdt";
        default -> e.getString("field");
      });
      errors.add(e);
    }
    return new ApiFailure(failure.code(), failure.getMessage(), new JsonObject().put("errors", errors));
  }

  public static List<JsonObject> paidLines(JsonArray lines) {
    List<JsonObject> paid = new ArrayList<>();
    lines.forEach(l -> {
      if (PAID.equals(((JsonObject) l).getString("outcome"))) {
        paid.add((JsonObject) l);
      }
    });
    return paid;
  }

  /** The period's MONTHLY batch: the paid lines, in entry order. */
  public static BatchOrder order(JsonArray lines) {
    return new BatchOrder(paidLines(lines).stream()
        .map(l -> BatchItems.fromItem(l.getJsonObject("item"), Priority.NORMAL, BatchType.MONTHLY)).toList(),
        Priority.NORMAL, BatchType.MONTHLY);
  }

  public static List<String> payoutIds(JsonArray lines) {
    return paidLines(lines).stream().map(l -> l.getString("payout_id")).toList();
  }

  public static List<String> consumedRollovers(JsonArray lines) {
    List<String> ids = new ArrayList<>();
    lines.forEach(l -> ((JsonObject) l).getJsonArray("rollover_ids").forEach(id -> ids.add((String) id)));
    return ids;
  }
}
