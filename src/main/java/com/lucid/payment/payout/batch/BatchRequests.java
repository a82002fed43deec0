package com.lucid.payment.payout.batch;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.payout.accept.PayoutRequests;
import com.lucid.payment.payout.model.BatchType;
import com.lucid.payment.payout.model.NewPayout;
import com.lucid.payment.payout.model.Priority;
import com.lucid.payment.payout.model.RouterType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Validates the body of POST /payouts/batch into a {@link BatchOrder}, all or nothing: every item goes through
 * {@link PayoutRequests} with the batch's router, priority and window, and one bad item refuses the whole batch with
 * every problem listed as {index, field, message} (index absent for the batch's own fields).
 */
public final class BatchRequests {
  private static final Set<String> FIELDS = Set.of("payouts", "router_type", "priority", "batch_type");
  private static final Set<String> SHARED = Set.of("router_type", "priority", "batch_type");

  private final PayoutRequests requests;
  private final int maxItems;

  public BatchRequests(PayoutRequests requests, int maxItems) {
    this.requests = requests;
    this.maxItems = maxItems;
  }

  public BatchOrder parse(JsonObject body, Role role, long nowSeconds) {
    BatchProblems problems = new BatchProblems();
    body.fieldNames().stream().filter(f -> !FIELDS.contains(f)).sorted()
        .forEach(f -> problems.add(ErrorCode.INVALID_REQUEST, null, f, "unknown field"));
    RouterType router = RouterType.fromApi(String.valueOf(body.getValue("router_type"))).orElse(null);
    if (router == null) {
      problems.add(ErrorCode.INVALID_ROUTER, null, "router_type", "is required and must be PayoutRouterV0 or "
          + "PayoutRouterKYC");
    } else if (router == RouterType.PayoutRouterKYC && !role.mayUseKycRouter()) {
      throw new ApiFailure(ErrorCode.FORBIDDEN, "role " + role.claim() + " may not use PayoutRouterKYC");
    }
    Priority priority = body.getValue("priority") == null ? Priority.NORMAL
        : Priority.fromApi(String.valueOf(body.getValue("priority"))).orElse(null);
    if (priority == null) {
      problems.add(ErrorCode.INVALID_REQUEST, null, "priority", "must be LOW, NORMAL, HIGH or URGENT");
    }
    BatchType batchType = body.getValue("batch_type") == null ? BatchType.HOURLY
        : BatchType.fromApi(String.valueOf(body.getValue("batch_type"))).orElse(null);
    if (batchType == null) {
      problems.add(ErrorCode.INVALID_REQUEST, null, "batch_type", "must be IMMEDIATE, HOURLY, DAILY, WEEKLY or "
          + "MONTHLY");
    }
    Object items = body.getValue("payouts");
    if (!(items instanceof JsonArray list) || list.isEmpty() || list.size() > maxItems) {
      problems.add(ErrorCode.INVALID_REQUEST, null, "payouts", "must be an array of 1 to " + maxItems + " payouts");
    }
    problems.throwIfAny("");
    JsonArray list = (JsonArray) items;
    List<NewPayout> payouts = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.getValue(i) instanceof JsonObject item)) {
        problems.add(ErrorCode.INVALID_REQUEST, i, null, "must be a JSON object");
        continue;
      }
      boolean clean = true;
      for (String shared : SHARED) {
        if (item.containsKey(shared)) {
          problems.add(ErrorCode.INVALID_REQUEST, i, shared, "is set once for the whole batch, not per payout");
          clean = false;
        }
      }
      JsonObject merged = item.copy().put("router_type", router.name()).put("priority", priority.name())
          .put("batch_type", batchType.name());
      try {
        NewPayout payout = requests.parse(merged, role, nowSeconds);
        if (clean) {
          payouts.add(payout);
        }
      } catch (ApiFailure failure) {
        problems.addAll(i, failure);
      }
    }
    problems.throwIfAny("payouts");
    return new BatchOrder(payouts, priority, batchType);
  }
}
