package com.lucid.payment.payout.distribution;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.api.Usdt;
import com.lucid.payment.payout.accept.PayoutRequests;
import com.lucid.payment.payout.batch.BatchItem;
import com.lucid.payment.payout.batch.BatchOrder;
import com.lucid.payment.payout.batch.BatchProblems;
import com.lucid.payment.payout.model.BatchType;
import com.lucid.payment.payout.model.NewPayout;
import com.lucid.payment.payout.model.PayoutIds;
import com.lucid.payment.payout.model.Priority;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arithmetic of one period, exact in base units. For each entry: fee = gross × fee basis points / 10,000, rounded
 * down to a base unit (so a fee never exceeds its rate); net = gross − fee + the recipient's unconsumed rollovers of
 * earlier periods; a net below the distribution minimum is rolled over to the recipient's next period, any other is
 * paid in the period's MONTHLY batch. Every entry is checked as a payout (address, router, KYC), all or nothing.
 */
final class DistributionPlan {
  private DistributionPlan() {}

  /**
   * The plan's lines, in entry order: gross, fee, rollover in (and which rollovers), net, and whether the net is paid
   * (with its batch item and payout id) or rolled over.
   *
   * @param rollovers per recipient, the rollovers it may consume
   */
  static List<DistributionLine> lines(Entitlements entitlements, Map<String, List<Rollover>> rollovers, int feeBps,
      long minPayout, PayoutRequests requests, Role role, long nowSeconds) {
    BatchProblems problems = entitlements.problems().copy();
    List<DistributionLine> lines = new ArrayList<>();
    for (Entitlements.Entry e : entitlements.entries()) {
      long fee;
      try {
        fee = PlatformFee.of(e.gross(), feeBps);
      } catch (ArithmeticException tooLarge) {
        problems.add(ErrorCode.INVALID_AMOUNT, e.index(), "gross_usdt", "is too large");
        continue;
      }
      long rolloverIn = 0;
      List<String> rolloverIds = new ArrayList<>();
      for (Rollover r : rollovers.getOrDefault(e.recipient(), List.of())) {
        rolloverIn = Math.addExact(rolloverIn, r.amount());
        rolloverIds.add(r.id());
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
      Optional<BatchItem> item = paid ? Optional.of(new BatchItem(PayoutIds.payout(), payout)) : Optional.empty();
      lines.add(new DistributionLine(e.index(), e.recipient(), e.nodeId(), e.router(), e.gross(), fee, rolloverIn,
          rolloverIds, net, paid ? DistributionLine.Plan.PAID : DistributionLine.Plan.ROLLED_OVER, item));
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

  static List<DistributionLine> paidLines(List<DistributionLine> lines) {
    return lines.stream().filter(l -> l.item().isPresent()).toList();
  }

  /** The period's MONTHLY batch: the paid lines, in entry order. */
  static BatchOrder order(List<DistributionLine> lines) {
    return new BatchOrder(paidLines(lines).stream().map(l -> l.item().orElseThrow().payout()).toList(),
        Priority.NORMAL, BatchType.MONTHLY);
  }

  static List<String> payoutIds(List<DistributionLine> lines) {
    return paidLines(lines).stream().map(l -> l.payoutId().orElseThrow()).toList();
  }

  static List<String> consumedRollovers(List<DistributionLine> lines) {
    return lines.stream().flatMap(l -> l.rolloverIds().stream()).toList();
  }
}
