package com.lucid.payment.payout.batch;

import com.lucid.payment.payout.model.BatchType;
import com.lucid.payment.payout.model.NewPayout;
import com.lucid.payment.payout.model.Priority;
import com.lucid.payment.payout.model.RouterType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A validated batch: its payouts in request order, with the priority and release window they share. A POST
 * /payouts/batch has one router; a distribution's batch may mix both.
 */
public record BatchOrder(List<NewPayout> payouts, Priority priority, BatchType batchType) {
  public BatchOrder {
    payouts = List.copyOf(payouts);
  }

  long total() {
    long sum = 0;
    for (NewPayout p : payouts) {
      sum = Math.addExact(sum, p.amount());
    }
    return sum;
  }

  /** The total per router, in router order: what is reserved in each router's windows. */
  Map<RouterType, Long> totalsByRouter() {
    Map<RouterType, Long> totals = new EnumMap<>(RouterType.class);
    for (NewPayout p : payouts) {
      totals.merge(p.router(), p.amount(), Math::addExact);
    }
    return totals;
  }

  /** The router of every payout, or "mixed". */
  String routerName() {
    Map<RouterType, Long> totals = totalsByRouter();
    return totals.size() == 1 ? totals.keySet().iterator().next().name() : "mixed";
  }
}
