package com.lucid.payment.payout.accept;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.payout.model.Actor;
import com.lucid.payment.payout.model.Canonical;
import com.lucid.payment.payout.model.NewPayout;
import com.lucid.payment.payout.model.PayoutIds;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;

/**
 * POST /payouts over the bus: accepts a payout exactly once per (user, key), replying {replayed, payout} only after the
 * write is durable. Three durable steps, shared by the requests of a group ({@link AcceptGroups}): claim the key
 * (naming the payout id), reserve the limits, insert the payout. The payout's existence marks the claim as done.
 */
public final class PayoutAcceptance {
  private final PayoutRequests requests;
  private final Clock clock;
  private final AcceptGroups groups;

  public PayoutAcceptance(AcceptParts parts, PayoutRequests requests, Clock clock) {
    this.requests = requests;
    this.clock = clock;
    this.groups = new AcceptGroups(parts, new ClaimedKeys(parts));
  }

  public Future<JsonObject> create(JsonObject message, CallContext caller) {
    Role role = caller.knownRole();
    String userId = caller.knownUser();
    String key = IdempotencyKeys.keyOf(message);
    Object raw = message.getValue("request");
    if (!(raw instanceof JsonObject body)) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "the request body must be a JSON object");
    }
    Instant now = clock.instant();
    NewPayout payout = requests.parse(body, role, now.getEpochSecond());
    IdempotencyKeys.Claim claim = new IdempotencyKeys.Claim(IdempotencyKeys.recordId(userId, key),
        Canonical.sha256(body), PayoutIds.payout(), false, now.toEpochMilli());
    return groups.submit(new Admission(claim, payout, new Actor(userId, caller.requestId()), role, now,
        Promise.promise()));
  }
}
