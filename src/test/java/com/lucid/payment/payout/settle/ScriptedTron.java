package com.lucid.payment.payout.settle;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.BusEndpoint;
import com.lucid.payment.seal.PayoutSeal;
import com.lucid.payment.tron.api.AttemptFate;
import com.lucid.payment.tron.api.AttemptRef;
import com.lucid.payment.tron.api.BroadcastOutcome;
import com.lucid.payment.tron.api.ReviewOrder;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.api.TransferOrder;
import com.lucid.payment.tron.api.TronMessages;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The TRON client as a unit of the worker sees it on the bus: it signs, broadcasts and judges as the test scripts,
 * seals what it signs with the test's key, and remembers every order, broadcast and review it was sent.
 */
final class ScriptedTron {
  final List<TransferOrder> signed = new CopyOnWriteArrayList<>();
  final List<SignedAttempt> broadcast = new CopyOnWriteArrayList<>();
  final List<ReviewOrder> reviews = new CopyOnWriteArrayList<>();
  private final Map<String, AttemptFate> fates = new ConcurrentHashMap<>();
  private volatile Function<TransferOrder, Future<SignedAttempt>> signing;
  private volatile BroadcastOutcome outcome = new BroadcastOutcome(BroadcastOutcome.Kind.ACCEPTED, "SUCCESS", null);
  /** Runs on each broadcast before it is answered (a test looks at the store then). */
  volatile Function<AttemptRef, Future<?>> beforeBroadcast = ref -> Future.succeededFuture();

  ScriptedTron(Vertx vertx, PayoutSeal seal, Clock clock) {
    signing = order -> Future.succeededFuture(sign(seal, clock, order));
    TronMessages.register(vertx.eventBus());
    BusEndpoint.serve(vertx.eventBus(), BusAddress.TRON_SIGN, TransferOrder.class, null, (order, caller) -> {
      signed.add(order);
      return signing.apply(order);
    }, ApiFailure::from);
    BusEndpoint.serve(vertx.eventBus(), BusAddress.TRON_BROADCAST, AttemptRef.class, null, (ref, caller) ->
        beforeBroadcast.apply(ref).map(v -> {
          broadcast.add(ref.attempt());
          return outcome;
        }), ApiFailure::from);
    BusEndpoint.serve(vertx.eventBus(), BusAddress.TRON_FATE, AttemptRef.class, null, (ref, caller) ->
        Future.succeededFuture(fates.getOrDefault(ref.attempt().txid(), new AttemptFate.Unknown())), ApiFailure::from);
    BusEndpoint.serve(vertx.eventBus(), BusAddress.TRON_REVIEW, ReviewOrder.class, null, (order, caller) -> {
      reviews.add(order);
      return Future.succeededFuture(new JsonObject());
    }, ApiFailure::from);
  }

  /** A signature as the real client gives one: sealed, expiring a minute after it was made, not sent. */
  private static SignedAttempt sign(PayoutSeal seal, Clock clock, TransferOrder order) {
    String payoutId = order.payout().payoutId();
    String txid = String.format("%064x", (payoutId + "#" + order.attempt()).hashCode() & 0xffffffffL);
    long expiration = clock.millis() + 60_000;
    return new SignedAttempt(payoutId, order.attempt(), txid, "0a02" + order.attempt(), expiration,
        10_000_000L * order.feeLimitPercent() / 100, 100, clock.millis(),
        seal.sealAttempt(payoutId, order.attempt(), txid, expiration, 100));
  }

  /** From now on the solidified chain says this of the attempt. */
  void fate(String txid, AttemptFate fate) {
    fates.put(txid, fate);
  }

  void broadcastsAnswer(BroadcastOutcome next) {
    outcome = next;
  }

  /** From now on signing fails with this. */
  void refusesToSign(ApiFailure failure) {
    signing = order -> Future.failedFuture(failure);
  }
}
