package com.lucid.payment.payout.ops;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Permission;
import com.lucid.payment.api.Role;
import com.lucid.payment.api.Usdt;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.payout.limits.LimitLedger;
import com.lucid.payment.payout.limits.LimitWindows;
import com.lucid.payment.payout.limits.SafetyBreaker;
import com.lucid.payment.payout.limits.Window;
import com.lucid.payment.payout.model.PayoutLookups;
import com.lucid.payment.payout.model.PayoutStatus;
import com.lucid.payment.payout.model.RouterType;
import com.lucid.payment.payout.model.StatusTally;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GET /stats: payouts created in the last hour, day (24 h), week (7 days) or month (30 days), per router, with the
 * success rate (confirmed out of confirmed plus failed, in percent), the global limit usage of the current UTC day
 * and hour, and, for admins only, the safety breaker's state.
 */
public final class PayoutStats {
  private static final Map<String, Duration> PERIODS = Map.of("hour", Duration.ofHours(1), "day", Duration.ofDays(1),
      "week", Duration.ofDays(7), "month", Duration.ofDays(30));

  private final PayoutLookups lookups;
  private final LimitLedger limits;
  private final LimitWindows windows;
  private final SafetyBreaker breaker;
  private final Clock clock;

  public PayoutStats(PayoutLookups lookups, LimitLedger limits, LimitWindows windows, SafetyBreaker breaker,
      Clock clock) {
    this.lookups = lookups;
    this.limits = limits;
    this.windows = windows;
    this.breaker = breaker;
    this.clock = clock;
  }

  public Future<JsonObject> read(JsonObject q, CallContext caller) {
    Role role = caller.knownRole();
    if (!role.has(Permission.STATS)) {
      throw new ApiFailure(ErrorCode.FORBIDDEN, "role " + role.claim() + " lacks payment:stats");
    }
    QueryParameters.onlyKnown(q, Set.of("period", "router_type"));
    String period = q.getString("period", "day");
    if (!PERIODS.containsKey(period)) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "period must be hour, day, week or month");
    }
    String router = q.getString("router_type", "all");
    Optional<RouterType> only = router.equals("all") ? Optional.empty() : Optional.of(RouterType.fromApi(router)
        .orElseThrow(() -> new ApiFailure(ErrorCode.INVALID_ROUTER,
            "router_type must be PayoutRouterV0, PayoutRouterKYC or all")));
    Instant now = clock.instant();
    Instant from = now.minus(PERIODS.get(period));
    return Future.all(lookups.createdSince(from, only), usage(windows.globalDay(now)),
            usage(windows.globalHour(now)), breaker.read(now))
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

  private static JsonObject summary(List<PayoutLookups.Tallied> payouts) {
    long count = payouts.size();
    long total = 0;
    Map<RouterType, long[]> byRouter = new EnumMap<>(RouterType.class);
    for (RouterType r : RouterType.values()) {
      byRouter.put(r, new long[2]);
    }
    StatusTally t = new StatusTally();
    for (PayoutLookups.Tallied p : payouts) {
      total = Math.addExact(total, p.amount());
      long[] r = byRouter.get(p.router());
      r[0]++;
      r[1] = Math.addExact(r[1], p.amount());
      t.add(p.status(), p.amount());
    }
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
  static BigDecimal percent(long part, long whole) {
    return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
  }

  private Future<JsonObject> usage(Window w) {
    return limits.used(w.key()).map(used -> new JsonObject().put("limit", w.name())
        .put("used_usdt", Usdt.format(used)).put("limit_usdt", Usdt.format(w.cap()))
        .put("remaining_usdt", Usdt.format(Math.max(0, w.cap() - used)))
        .put("percent", percent(used, w.cap())));
  }
}
