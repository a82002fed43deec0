package com.lucid.payment.payout.limits;

import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;

/**
 * The brief's payout circuit breaker, shared by every instance through one state document. It opens after N
 * consecutive definitive on-chain failures or when an admin trips it; while open nothing is signed and new payouts
 * are refused. After the recovery timeout it is half open (signing resumes); enough successes close it, one failure
 * opens it again.
 */
public final class SafetyBreaker {
  private static final String ID = "safety_breaker";

  public enum State { CLOSED, OPEN, HALF_OPEN }

  /** A read of the breaker. */
  public record Snapshot(State state, int consecutiveFailures, long openedAt, String reason, int halfOpenSuccesses) {
    public boolean allowsSigning() {
      return state != State.OPEN;
    }

    public JsonObject toJson() {
      return new JsonObject().put("state", state.name().toLowerCase(java.util.Locale.ROOT))
          .put("consecutive_failures", consecutiveFailures)
          .put("opened_at", openedAt == 0 ? null : Instant.ofEpochMilli(openedAt).toString())
          .put("reason", reason);
    }
  }

  private final MongoClient mongo;
  private final ServiceConfig.Payouts config;

  public SafetyBreaker(MongoClient mongo, ServiceConfig.Payouts config) {
    this.mongo = mongo;
    this.config = config;
  }

  public Future<Snapshot> read(Instant now) {
    return mongo.findOne(StoreSchema.STATE, new JsonObject().put("_id", ID), null).map(doc -> {
      if (doc == null) {
        return new Snapshot(State.CLOSED, 0, 0, null, 0);
      }
      State state = State.valueOf(doc.getString("state", "CLOSED"));
      long openedAt = doc.getLong("opened_at", 0L);
      if (state == State.OPEN && now.toEpochMilli() >= openedAt + config.breaker().recovery().toMillis()
          && !doc.getBoolean("manual", false)) {
        state = State.HALF_OPEN;
      }
      return new Snapshot(state, doc.getInteger("consecutive_failures", 0), openedAt, doc.getString("reason"),
          doc.getInteger("half_open_successes", 0));
    });
  }

  /** A definitive on-chain failure. */
  public Future<Snapshot> failure(String reason, Instant now) {
    return read(now).compose(s -> {
      int failures = s.consecutiveFailures() + 1;
      boolean open = s.state() == State.HALF_OPEN || s.state() == State.OPEN
          || failures >= config.breaker().failureThreshold();
      JsonObject set = new JsonObject().put("consecutive_failures", failures).put("half_open_successes", 0);
      if (open && s.state() != State.OPEN) {
        set.put("state", State.OPEN.name()).put("opened_at", now.toEpochMilli()).put("manual", false)
            .put("reason", failures + " consecutive on-chain failures, last: " + reason);
      }
      return write(set).compose(v -> read(now));
    });
  }

  /** A confirmed payout. */
  public Future<Snapshot> success(Instant now) {
    return read(now).compose(s -> {
      JsonObject set = new JsonObject().put("consecutive_failures", 0);
      if (s.state() == State.HALF_OPEN) {
        int successes = s.halfOpenSuccesses() + 1;
        set.put("half_open_successes", successes);
        if (successes >= config.breaker().halfOpenSuccesses()) {
          set.put("state", State.CLOSED.name()).put("reason", null).put("opened_at", 0L).put("half_open_successes", 0);
        }
      } else if (s.consecutiveFailures() == 0) {
        return Future.succeededFuture(s);
      }
      return write(set).compose(v -> read(now));
    });
  }

  /** An admin opens it; it stays open until an admin resets it. */
  public Future<Snapshot> trip(String reason, Instant now) {
    return write(new JsonObject().put("state", State.OPEN.name()).put("opened_at", now.toEpochMilli())
        .put("manual", true).put("reason", "tripped by an admin: " + reason)).compose(v -> read(now));
  }

  public Future<Snapshot> reset(Instant now) {
    return write(new JsonObject().put("state", State.CLOSED.name()).put("opened_at", 0L).put("manual", false)
        .put("reason", null).put("consecutive_failures", 0).put("half_open_successes", 0)).compose(v -> read(now));
  }

  private Future<Void> write(JsonObject set) {
    return mongo.findOneAndUpdateWithOptions(StoreSchema.STATE, new JsonObject().put("_id", ID),
        new JsonObject().put("$set", set), new FindOptions(), new UpdateOptions().setUpsert(true)).mapEmpty();
  }
}
