package com.lucid.payment.payout.ops;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.payout.model.Attempt;
import com.lucid.payment.payout.model.Payout;
import com.lucid.payment.payout.model.PayoutIds;
import com.lucid.payment.payout.model.PayoutLookups;
import com.lucid.payment.payout.model.PayoutRepository;
import com.lucid.payment.payout.model.PayoutStatus;
import com.lucid.payment.payout.model.PayoutView;
import com.lucid.payment.payout.model.RouterType;
import com.lucid.payment.payout.model.Settlement;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * GET /payouts, GET /payouts/{id} and GET /payouts/{id}/transaction: what a caller may see of payouts. Admins and
 * services see every payout; anyone else only their own, and another's is simply not found.
 */
public final class PayoutQueries {
  private static final Set<String> LIST_PARAMETERS = Set.of("status", "router_type", "start_date", "end_date",
      "limit", "offset");
  private final PayoutRepository payouts;
  private final PayoutLookups lookups;
  private final Clock clock;
  private final int requiredConfirmations;

  /** @param requiredConfirmations the depth a transaction view reports as needed (solidification plus extra) */
  public PayoutQueries(PayoutRepository payouts, PayoutLookups lookups, Clock clock, int requiredConfirmations) {
    this.payouts = payouts;
    this.lookups = lookups;
    this.clock = clock;
    this.requiredConfirmations = requiredConfirmations;
  }

  public Future<JsonObject> get(String payoutId, CallContext caller) {
    return visible(payoutId, caller).map(p -> PayoutView.of(p, clock.instant()));
  }

  /** The payout if the caller may see it; anyone else's is simply not found. */
  Future<Payout> visible(String payoutId, CallContext caller) {
    Role role = caller.knownRole();
    if (payoutId == null || !PayoutIds.PAYOUT.matcher(payoutId).matches()) {
      return Future.failedFuture(notFound());
    }
    return payouts.find(payoutId).compose(found -> found
        .filter(p -> role.seesAllPayouts() || p.userId().equals(caller.userId()))
        .map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(notFound())));
  }

  private static ApiFailure notFound() {
    return new ApiFailure(ErrorCode.NOT_FOUND, "payout not found");
  }

  public Future<JsonObject> list(JsonObject q, CallContext caller) {
    Role role = caller.knownRole();
    Optional<String> user = role.seesAllPayouts() ? Optional.empty() : Optional.of(caller.knownUser());
    JsonObject filters = new JsonObject();
    Optional<PayoutStatus> status = Optional.ofNullable(q.getString("status")).map(s -> PayoutStatus.fromApi(s)
        .orElseThrow(() -> new ApiFailure(ErrorCode.INVALID_REQUEST,
            "status must be one of pending, processing, confirmed, failed, cancelled")));
    status.ifPresent(s -> filters.put("status", s.api()));
    Optional<RouterType> router = Optional.ofNullable(q.getString("router_type")).map(r -> RouterType.fromApi(r)
        .orElseThrow(() -> new ApiFailure(ErrorCode.INVALID_ROUTER,
            "router_type must be PayoutRouterV0 or PayoutRouterKYC")));
    router.ifPresent(r -> filters.put("router_type", r.name()));
    Optional<Instant> from = QueryParameters.date(q, "start_date", false);
    Optional<Instant> before = QueryParameters.date(q, "end_date", true);
    if (from.isPresent() || before.isPresent()) {
      q.fieldNames().stream().filter(f -> f.endsWith("_date")).forEach(f -> filters.put(f, q.getString(f)));
    }
    int limit = QueryParameters.whole(q, "limit", 20, 1, 100);
    int offset = QueryParameters.whole(q, "offset", 0, 0, 1_000_000);
    QueryParameters.onlyKnown(q, LIST_PARAMETERS);
    PayoutLookups.Filter filter = new PayoutLookups.Filter(user, status, router, from, before);
    Instant now = clock.instant();
    return lookups.count(filter).compose(total -> lookups.list(filter, offset, limit).map(page -> new JsonObject()
        .put("payouts", new JsonArray(page.stream().map(p -> PayoutView.of(p, now)).toList()))
        .put("pagination", new JsonObject().put("total", total).put("limit", limit).put("offset", offset)
            .put("has_next", offset + page.size() < total).put("has_previous", offset > 0))
        .put("filters", filters)));
  }

  /** The on-chain view of a payout: its transaction, depth, energy and fee. */
  public Future<JsonObject> transaction(String payoutId, CallContext caller) {
    return visible(payoutId, caller).map(p -> {
      JsonObject view = PayoutView.of(p, clock.instant());
      Optional<Settlement> s = p.settlement();
      return new JsonObject()
          .put("payout_id", p.id())
          .put("txid", p.current().map(Attempt::txid).orElse(null))
          .put("status", view.getString("status"))
          .put("confirmations", s.map(Settlement::confirmations).orElse(null))
          .put("required_confirmations", requiredConfirmations)
          .put("block_number", s.map(Settlement::blockNumber).orElse(null))
          .put("block_timestamp", view.getString("block_timestamp"))
          .put("energy_used", s.map(Settlement::energyUsed).orElse(null))
          .put("bandwidth_used", s.map(Settlement::netUsage).orElse(null))
          .put("fee_trx", view.getString("fee_trx"))
          .put("estimated_completion", view.getString("estimated_completion"))
          .put("attempts", new JsonArray(p.attempts().stream().map(a -> new JsonObject().put("attempt", a.n())
              .put("txid", a.txid()).put("outcome", a.fate().map(Attempt.Fate::stored).orElse("pending"))
              .put("expiration", PayoutView.iso(a.expirationMs()))).toList()));
    });
  }
}
