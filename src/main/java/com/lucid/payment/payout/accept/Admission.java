package com.lucid.payment.payout.accept;

import com.lucid.payment.api.Role;
import com.lucid.payment.payout.model.Actor;
import com.lucid.payment.payout.model.NewPayout;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** One validated request for a new payout, with its claim on its key, waiting for its answer. */
record Admission(IdempotencyKeys.Claim claim, NewPayout payout, Actor actor, Role role, Instant now,
    Promise<JsonObject> reply) {}
