package com.lucid.payment.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The collections the service owns (all named payout*) and the indexes it creates at start. */
public final class StoreSchema {
  public static final String PAYOUTS = "payouts";
  /** One record per (user, Idempotency-Key): in flight or done, and which payout it made. */
  public static final String IDEMPOTENCY = "payout_idempotency";
  /** Limit counters: one document per router/global window with the amount reserved in it. */
  public static final String LIMITS = "payout_limits";
  /** Engine-wide switches shared by every instance: the safety breaker and the admin pause. */
  public static final String STATE = "payout_state";
  /** Batches: the request's validated items and pre-generated payout ids, stored before any of its payouts. */
  public static final String BATCHES = "payout_batches";
  /** Monthly distributions, one per period: the computed plan (fees, rollovers, payouts) and its batch. */
  public static final String DISTRIBUTIONS = "payout_distributions";
  /** Net amounts held below the distribution minimum, one per (period, recipient), each consumed once. */
  public static final String ROLLOVERS = "payout_rollovers";

  private StoreSchema() {}

  /** The fields the embedded server indexes in order, for range queries ({@code OrderedIndex}). */
  static final Set<String> ORDERED_FIELDS = Set.of("next_check_at");

  /**
   * An index; {@code embedded}: the embedded server builds it too, in memory: by the value of its first key, or in
   * order for the {@link #ORDERED_FIELDS}.
   */
  private record Index(String collection, JsonObject keys, IndexOptions options, boolean embedded) {}

  private static List<Index> indexes() {
    List<Index> list = new ArrayList<>();
    // the worker asks what is due (next_check_at <= now) among a status, the gauges what is held: those first, as the
    // embedded server uses the first index that can answer a query, and they are the narrower; the list of an end
    // user names the user; the batch view names its batch; the sweep names a state; a distribution its recipients
    list.add(new Index(PAYOUTS, new JsonObject().put("next_check_at", 1), new IndexOptions(), true));
    list.add(new Index(PAYOUTS, new JsonObject().put("hold_reason", 1), new IndexOptions().sparse(true), true));
    list.add(new Index(PAYOUTS, new JsonObject().put("status", 1).put("created_at", 1), new IndexOptions(), true));
    list.add(new Index(PAYOUTS, new JsonObject().put("created_at", -1), new IndexOptions(), false));
    list.add(new Index(PAYOUTS, new JsonObject().put("user_id", 1).put("created_at", -1), new IndexOptions(), true));
    list.add(new Index(PAYOUTS, new JsonObject().put("batch_id", 1), new IndexOptions().sparse(true), true));
    list.add(new Index(BATCHES, new JsonObject().put("state", 1).put("updated_at", 1), new IndexOptions(), true));
    list.add(new Index(DISTRIBUTIONS, new JsonObject().put("state", 1), new IndexOptions(), true));
    list.add(new Index(ROLLOVERS, new JsonObject().put("recipient", 1).put("consumed_by", 1), new IndexOptions(),
        true));
    return list;
  }

  /**
   * Creates every index; idempotent, so every start runs it. Unique indexes carry invariants and are created
   * everywhere; the others only speed up queries, and the embedded server builds only those that serve equality on
   * their first key, or a range of an ordered field: without them each query of the worker reads every payout.
   */
  public static Future<Void> ensureIndexes(MongoClient mongo, boolean embedded) {
    Future<Void> chain = Future.succeededFuture();
    for (Index index : indexes()) {
      if (embedded && !index.options().isUnique() && !index.embedded()) {
        continue;
      }
      chain = chain.compose(v -> mongo.createIndexWithOptions(index.collection(), index.keys(), index.options()));
    }
    return chain;
  }
}
