package com.lucid.payment.payout.ops;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Permission;
import com.lucid.payment.api.Role;
import com.lucid.payment.api.Usdt;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.payout.accept.PayoutService;
import com.lucid.payment.payout.batch.BatchView;
import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.limits.SafetyBreaker;
import com.lucid.payment.payout.model.PayoutStatus;
import com.lucid.payment.payout.model.RouterType;
import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * GET /stats: payouts created in the last hour, day (24 h), week (7 days) or month (30 days), per router, with the
 * success rate (confirmed out of confirmed plus failed, in percent), the global limit usage of the current UTC day
 * and hour, and, for admins only, the safety breaker's state.
 */
public final class PayoutStats {
  private static final Map<String, Duration> PERIODS = Map.of("hour", Duration.ofHours(1), "day", Duration.ofDays(1),
      "week", Duration.ofDays(7), "month", Duration.ofDays(30));

  private final MongoClient mongo;
  private final LimitLedger limits;
  private final SafetyBreaker breaker;
  private final Clock clock;

  public PayoutStats(MongoClient mongo, LimitLedger limits, SafetyBreaker breaker, Clock clock) {
    this.mongo = mongo;
    this.limits = limits;
    this.breaker = breaker;
    this.clock = clock;
  }

  public Future<JsonObject> read(JsonObject q, CallContext caller) {
    Role role = PayoutService.role(caller);
    if (!role.has(Permission.STATS)) {
      throw new ApiFailure(ErrorCode.FORBIDDEN, "role " + role.claim() + " lacks payment:stats");
    }
    q.fieldNames().stream().filter(f -> !Set.of("period", "router_type").contains(f)).findFirst().ifPresent(f -> {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "unknown query parameter " + f);
    });
    String period = q.getString("period", "day");
    if (!PERIODS.containsKey(period)) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "period must be hour, day, week or month");
    }
    String router = q.getString("router_type", "all");
    if (!router.equals("all") && RouterType.fromApi(router).isEmpty()) {
      throw new ApiFailure(ErrorCode.INVALID_ROUTER, "router_type must be PayoutRouterV0, PayoutRouterKYC or all");
    }
    Instant now = clock.instant();
    Instant from = now.minus(PERIODS.get(period));
    JsonObject query = new JsonObject().put("created_at", new JsonObject().put("$gte", from.toEpochMilli()));
    if (!router.equals("all")) {
      query.put("router_type", router);
    }
    List<LimitLedger.Window> windows = limits.windows(RouterType.PayoutRouterV0, now);
    FindOptions fields = new FindOptions().setFields(new JsonObject().put("status", 1).put("amount", 1)
        .put("router_type", 1));
    return Future.all(mongo.findWithOptions(StoreSchema.PAYOUTS, query, fields),
            usage(windows.get(1)), usage(windows.get(2)), breaker.read(now))
        .map(all -> {
          JsonObject out = summary(all.resultAt(0));
          out.put("daily_limit_usage", all.<JsonObject>resultAt(1))
              .put("hourly_limit_usage", all.<JsonObject>resultAt(2));
          if (role == Role.ADMIN) {
            out.put("circuit_breaker_status", all.<SafetyBreaker.Snapshot>resultAt(3).state().name()
                .toLowerCase(Locale.ROOT));
          }
          return new JsonObject().put("period", period).put("router_type", router).put("from", from.toString())
              .put("to", now.toString()).mergeIn(out).put("generated_at", now.toString());
        });
  }

  private static JsonObject summary(List<JsonObject> payouts) {
    long count = payouts.size();
    long total = 0;
    Map<RouterType, long[]> byRouter = new EnumMap<>(RouterType.class);
    for (RouterType r : RouterType.values()) {
      byRouter.put(r, new long[2]);
    }
    for (JsonObject p : payouts) {
      total = Math.addExact(total, p.getLong("amount"));
      long[] r = byRouter.get(RouterType.valueOf(p.getString("router_type")));
      r[0]++;
      r[1] = Math.addExact(r[1], p.getLong("amount"));
    }
    BatchView.Tally t = BatchView.Tally.of(payouts);
    long finished = t.count(PayoutStatus.CONFIRMED) + t.count(PayoutStatus.FAILED);
    JsonObject routers = new JsonObject();
    byRouter.forEach((r, v) -> routers.put(r.name(), new JsonObject().put("count", v[0])
        .put("amount_usdt", Usdt.format(v[1]))));
    JsonObject statuses = new JsonObject();
    for (PayoutStatus s : PayoutStatus.values()) {
      statuses.put(s.api(), t.count(s));
    }
    return new JsonObject()
        .put("total_payouts", count)
        .put("total_amount_usdt", Usdt.format(total))
        .put("success_rate", finished == 0 ? null : percent(t.count(PayoutStatus.CONFIRMED), finished))
        .put("average_amount_usdt", Usdt.format(count == 0 ? 0 : total / count))
        .put("payouts_by_router", routers)
        .put("payouts_by_status", statuses);
  }

  /** A percentage with two decimals, rounded half up, computed exactly. */
  public static BigDecimal percent(long part, long whole) {
    return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
  }

  private Future<JsonObject> usage(LimitLedger.Window w) {
    return limits.used(w.key()).map(used -> new JsonObject().put("limit", w.name())
        .put("used_usdt", Usdt.format(used)).put("limit_usdt", Usdt.format(w.cap()))
        .put("remaining_usdt", Usdt.format(Math.max(0, w.cap() - used)))
        .put("percent", percent(used, w.cap())));
  }
}
