package com.lucid.payment.payout.distribution;

import com.lucid.payment.payout.batch.BatchItem;
import com.lucid.payment.payout.model.BatchType;
import com.lucid.payment.payout.model.Priority;
import com.lucid.payment.payout.model.RouterType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of a stored plan, in base units: gross − fee + rollover in = net; paid in the period's batch (with its
 * batch item and payout id) or rolled over to the recipient's next period.
 */
record DistributionLine(int index, String recipient, Optional<String> nodeId, RouterType router, long gross,
    long fee, long rolloverIn, List<String> rolloverIds, long net, Plan plan, Optional<BatchItem> item) {

  /** What the plan does with the net. */
  enum Plan {
    PAID, ROLLED_OVER;

    String stored() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  Optional<String> payoutId() {
    return item.map(BatchItem::payoutId);
  }

  JsonObject toStored() {
    JsonObject line = new JsonObject().put("index", index).put("recipient", recipient).put("router_type", router.name())
        .put("gross", gross).put("fee", fee).put("rollover_in", rolloverIn)
        .put("rollover_ids", new JsonArray(List.copyOf(rolloverIds))).put("net", net).put("outcome", plan.stored());
    nodeId.ifPresent(n -> line.put("node_id", n));
    item.ifPresent(i -> line.put("payout_id", i.payoutId()).put("item", i.toStored()));
    return line;
  }

  static DistributionLine fromStored(JsonObject line) {
    Optional<BatchItem> item = Optional.ofNullable(line.getJsonObject("item"))
        .map(i -> BatchItem.fromStored(i, Priority.NORMAL, BatchType.MONTHLY));
    return new DistributionLine(line.getInteger("index"), line.getString("recipient"),
        Optional.ofNullable(line.getString("node_id")), RouterType.valueOf(line.getString("router_type")),
        line.getLong("gross"), line.getLong("fee"), line.getLong("rollover_in"),
        line.getJsonArray("rollover_ids").stream().map(String::valueOf).toList(), line.getLong("net"),
        Plan.valueOf(line.getString("outcome").toUpperCase(Locale.ROOT)), item);
  }
}
