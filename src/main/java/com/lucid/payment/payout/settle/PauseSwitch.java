package com.lucid.payment.payout.settle;

import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;

/**
 * The admin pause, shared by every instance: while paused, payouts are still accepted but nothing new is signed
 * (held {@code paused}); attempts already signed keep being broadcast and confirmed.
 */
public final class PauseSwitch {
  private static final String ID = "pause";

  private final MongoClient mongo;

  public PauseSwitch(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** Whether signing is paused now. */
  Future<Boolean> paused() {
    return read().map(state -> state.getBoolean("paused"));
  }

  /** {paused, reason, since} as the admin API shows it ({paused: false} alone before any pause). */
  public Future<JsonObject> read() {
    return mongo.findOne(StoreSchema.STATE, new JsonObject().put("_id", ID), null).map(doc -> doc == null
        ? new JsonObject().put("paused", false)
        : new JsonObject().put("paused", doc.getBoolean("paused", false)).put("reason", doc.getString("reason"))
            .put("since", doc.getString("since")));
  }

  public Future<JsonObject> set(boolean paused, String reason, Instant now) {
    JsonObject set = new JsonObject().put("paused", paused).put("reason", paused ? reason : null)
        .put("since", paused ? now.toString() : null);
    return mongo.findOneAndUpdateWithOptions(StoreSchema.STATE, new JsonObject().put("_id", ID),
        new JsonObject().put("$set", set), new FindOptions(), new UpdateOptions().setUpsert(true))
        .compose(v -> read());
  }
}
