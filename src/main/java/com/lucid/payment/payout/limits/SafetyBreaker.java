package com.lucid.payment.payout.limits;

import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.Locale;

/**
 * The brief's payout circuit breaker, shared by every instance through one state document. It opens after N
 * consecutive definitive on-chain failures or when an admin trips it; while open nothing is signed and new payouts
 * are refused. After the recovery timeout it is half open (signing resumes); enough successes close it, one failure
 * opens it again. Failures and half-open successes are counted by an atomic increment, so that those of one worker
 * round (up to 200 steps at once) each count; the move they cause is decided on the count the increment returned.
 */
public final class SafetyBreaker {
  private static final String ID = "safety_breaker";
  private static final String STATE = "state";
  private static final String FAILURES = "consecutive_failures";
  private static final String OPENED_AT = "opened_at";
  private static final String REASON = "reason";
  private static final String MANUAL = "manual";
  private static final String SUCCESSES = "half_open_successes";

  /** The three states; HALF_OPEN is never stored: it is an OPEN whose recovery timeout has passed. */
  public enum State { CLOSED, OPEN, HALF_OPEN }

  /** A read of the breaker. */
  public record Snapshot(State state, int consecutiveFailures, long openedAt, String reason, int halfOpenSuccesses) {
    public boolean allowsSigning() {
      return state != State.OPEN;
    }

    public JsonObject toJson() {
      return new JsonObject().put("state", state.name().toLowerCase(Locale.ROOT))
          .put("consecutive_failures", consecutiveFailures)
          .put("opened_at", openedAt == 0 ? null : Instant.ofEpochMilli(openedAt).toString())
          .put("reason", reason);
    }
  }

  private final MongoClient mongo;
  private final ServiceConfig.Breaker config;

  public SafetyBreaker(MongoClient mongo, ServiceConfig.Breaker config) {
    this.mongo = mongo;
    this.config = config;
  }

  public Future<Snapshot> read(Instant now) {
    return mongo.findOne(StoreSchema.STATE, mine(), null).map(doc -> snapshot(doc, now));
  }

  private Snapshot snapshot(JsonObject doc, Instant now) {
    if (doc == null) {
      return new Snapshot(State.CLOSED, 0, 0, null, 0);
    }
    State state = State.valueOf(doc.getString(STATE, State.CLOSED.name()));
    long openedAt = doc.getLong(OPENED_AT, 0L);
    if (state == State.OPEN && now.toEpochMilli() >= openedAt + config.recovery().toMillis()
        && !doc.getBoolean(MANUAL, false)) {
      state = State.HALF_OPEN;
    }
    return new Snapshot(state, doc.getInteger(FAILURES, 0), openedAt, doc.getString(REASON),
        doc.getInteger(SUCCESSES, 0));
  }

  /** A definitive on-chain failure: counted, then the breaker opens if this failure is the one that reaches N. */
  public Future<Snapshot> failure(String reason, Instant now) {
    JsonObject count = new JsonObject().put("$inc", new JsonObject().put(FAILURES, 1))
        .put("$set", new JsonObject().put(SUCCESSES, 0));
    return increment(count, true).compose(doc -> {
      Snapshot s = snapshot(doc, now);
      boolean opens = s.state() == State.HALF_OPEN
          || s.state() == State.CLOSED && s.consecutiveFailures() >= config.failureThreshold();
      if (!opens) {
        return Future.succeededFuture(s);
      }
      JsonObject open = new JsonObject().put(STATE, State.OPEN.name()).put(OPENED_AT, now.toEpochMilli())
          .put(MANUAL, false).put(REASON, s.consecutiveFailures() + " consecutive on-chain failures, last: " + reason);
      return moveFrom(s, open).compose(v -> read(now));
    });
  }

  /** A confirmed payout: the failure count starts again; while half open, enough of them close the breaker. */
  public Future<Snapshot> success(Instant now) {
    return read(now).compose(s -> {
      if (s.state() == State.HALF_OPEN) {
        JsonObject count = new JsonObject().put("$inc", new JsonObject().put(SUCCESSES, 1))
            .put("$set", new JsonObject().put(FAILURES, 0));
        return increment(count, false).compose(doc -> {
          Snapshot after = snapshot(doc, now);
          if (after.state() != State.HALF_OPEN || after.halfOpenSuccesses() < config.halfOpenSuccesses()) {
            return Future.succeededFuture(after);
          }
          JsonObject close = new JsonObject().put(STATE, State.CLOSED.name()).put(REASON, null).put(OPENED_AT, 0L)
              .put(SUCCESSES, 0).put(FAILURES, 0);
          return moveFrom(after, close).compose(v -> read(now));
        });
      }
      if (s.consecutiveFailures() == 0) {
        return Future.succeededFuture(s);
      }
      return write(new JsonObject().put(FAILURES, 0)).compose(v -> read(now));
    });
  }

  /** An admin opens it; it stays open until an admin resets it. */
  public Future<Snapshot> trip(String reason, Instant now) {
    return write(new JsonObject().put(STATE, State.OPEN.name()).put(OPENED_AT, now.toEpochMilli())
        .put(MANUAL, true).put(REASON, "tripped by an admin: " + reason)).compose(v -> read(now));
  }

  public Future<Snapshot> reset(Instant now) {
    return write(new JsonObject().put(STATE, State.CLOSED.name()).put(OPENED_AT, 0L).put(MANUAL, false)
        .put(REASON, null).put(FAILURES, 0).put(SUCCESSES, 0)).compose(v -> read(now));
  }

  private static JsonObject mine() {
    return new JsonObject().put("_id", ID);
  }

  /** The state document after the increment (created on the first failure ever). */
  private Future<JsonObject> increment(JsonObject update, boolean create) {
    return mongo.findOneAndUpdateWithOptions(StoreSchema.STATE, mine(), update, new FindOptions(),
        new UpdateOptions().setUpsert(create).setReturningNewDocument(true));
  }

  /**
   * Moves the breaker out of the state {@code seen} was read in, unless a concurrent step moved it first: of the
   * failures that see the threshold reached, one opens it (and names the count); of the successes, one closes it.
   */
  private Future<Void> moveFrom(Snapshot seen, JsonObject set) {
    JsonObject filter = mine();
    if (seen.state() == State.CLOSED) {
      filter.put(STATE, new JsonObject().put("$ne", State.OPEN.name()));
    } else {
      filter.put(STATE, State.OPEN.name()).put(OPENED_AT, seen.openedAt());
    }
    return mongo.updateCollection(StoreSchema.STATE, filter, new JsonObject().put("$set", set)).mapEmpty();
  }

  private Future<Void> write(JsonObject set) {
    return mongo.findOneAndUpdateWithOptions(StoreSchema.STATE, mine(), new JsonObject().put("$set", set),
        new FindOptions(), new UpdateOptions().setUpsert(true)).mapEmpty();
  }
}
