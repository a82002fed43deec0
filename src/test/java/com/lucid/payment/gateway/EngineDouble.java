package com.lucid.payment.gateway;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.CallContext;
import com.lucid.payment.bus.Plane;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The wallet-plane engine as the gateway sees it, at the bus boundary: it answers every payout and admin address
 * with a canned reply (or the failure a test sets) and remembers what reached it, with the caller context.
 */
final class EngineDouble {
  /** One request that reached the engine. */
  record Received(BusAddress address, JsonObject body, CallContext caller) {}

  static final String PAYOUT_ID = "payout_01HZX4K9QJ8D2M";

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<BusAddress, Function<Message<JsonObject>, Object>> answers = new EnumMap<>(BusAddress.class);
  private final Map<BusAddress, MessageConsumer<JsonObject>> consumers = new EnumMap<>(BusAddress.class);

  static EngineDouble deploy(Vertx vertx) throws Exception {
    EngineDouble engine = new EngineDouble();
    for (BusAddress address : BusAddress.values()) {
      if (!address.senders().contains(Plane.OPS)) {
        continue; // the TRON client's addresses: the gateway never reaches them
      }
      MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address.address(), msg -> engine.serve(address, msg));
      consumer.completion().await(5, TimeUnit.SECONDS);
      engine.consumers.put(address, consumer);
    }
    return engine;
  }

  private void serve(BusAddress address, Message<JsonObject> msg) {
    received.add(new Received(address, msg.body(), CallContext.fromHeaders(msg.headers())));
    Object answer = answers.getOrDefault(address, m -> canned(address, m.body())).apply(msg);
    if (answer instanceof ApiFailure failure) {
      msg.reply(failure);
    } else if (answer instanceof ReplyException raw) {
      msg.fail(raw.failureCode(), raw.getMessage());
    } else {
      msg.reply(answer);
    }
  }

  /** From now on the address answers with this (a JsonObject, an ApiFailure, or a raw ReplyException). */
  void answer(BusAddress address, Function<Message<JsonObject>, Object> answer) {
    answers.put(address, answer);
  }

  /** The address stops being served, as when the engine is not deployed. */
  void unregister(BusAddress address) throws Exception {
    consumers.remove(address).unregister().await(5, TimeUnit.SECONDS);
  }

  List<Received> received() {
    return received;
  }

  Received last() {
    return received.get(received.size() - 1);
  }

  static JsonObject payout(String id) {
    return new JsonObject().put("payout_id", id).put("status", "pending")
        .put("recipient_address", "TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC").put("amount_usdt", "1.50")
        .put("router_type", "PayoutRouterV0").put("priority", "NORMAL").put("batch_type", "IMMEDIATE")
        .put("created_at", "2026-11-24T12:00:00Z").put("request_id", "req_x");
  }

  static final String BATCH_ID = "batch_7QmZk2Lr9xT4";

  static JsonObject batch(String id) {
    return new JsonObject().put("batch_id", id).put("total_payouts", 2).put("total_amount_usdt", "3")
        .put("status", "processing").put("payout_ids", new io.vertx.core.json.JsonArray().add(PAYOUT_ID))
        .put("created_at", "2026-11-24T12:00:00Z");
  }

  static JsonObject report(String period) {
    return new JsonObject().put("period", period).put("status", "processing")
        .put("entries", new io.vertx.core.json.JsonArray()).put("totals", new JsonObject());
  }

  private static Object canned(BusAddress address, JsonObject body) {
    return switch (address) {
      case PAYOUT_CREATE -> new JsonObject().put("replayed", false).put("payout", payout(PAYOUT_ID));
      case PAYOUT_GET -> payout(body.getString("payout_id"));
      case PAYOUT_CANCEL -> payout(body.getString("payout_id")).put("status", "cancelled");
      case PAYOUT_LIST -> new JsonObject().put("payouts", new io.vertx.core.json.JsonArray().add(payout(PAYOUT_ID)))
          .put("pagination", new JsonObject().put("total", 1).put("limit", 20).put("offset", 0)
              .put("has_next", false).put("has_previous", false))
          .put("filters", body);
      case PAYOUT_TRANSACTION -> new JsonObject().put("payout_id", body.getString("payout_id"))
          .put("txid", "ab".repeat(32)).put("status", "processing").put("confirmations", 3)
          .put("required_confirmations", 19);
      case ADMIN_WALLET -> new JsonObject().put("address", "TXYZ").put("network", "devnet").put("trx", "100")
          .put("usdt", "5000");
      case ADMIN_STAKE -> new JsonObject().put("txid", "cd".repeat(32)).put("status", "broadcast");
      case ADMIN_PAUSE -> new JsonObject().put("paused", true).put("reason", body.getString("reason"));
      case ADMIN_RESUME -> new JsonObject().put("paused", false);
      case ADMIN_BREAKER -> new JsonObject().put("state", "trip".equals(body.getString("action")) ? "open" : "closed")
          .put("consecutive_failures", 0);
      case HEALTH -> new JsonObject().put("status", "healthy").put("checks", new JsonObject());
      case BATCH_CREATE -> new JsonObject().put("replayed", false).put("batch", batch(BATCH_ID));
      case BATCH_GET -> batch(body.getString("batch_id")).put("completed_payouts", 0);
      case STATS -> new JsonObject().put("period", body.getString("period", "day")).put("total_payouts", 0);
      case DISTRIBUTION_SUBMIT -> new JsonObject().put("replayed", false).put("report", report(body.getString("period")));
      case DISTRIBUTION_PREVIEW -> report(body.getString("period")).put("status", "preview");
      case DISTRIBUTION_REPORT -> "csv".equals(body.getString("format"))
          ? new JsonObject().put("period", body.getString("period")).put("format", "csv").put("csv", "period,index\n")
          : report(body.getString("period"));
      default -> throw new IllegalStateException(address + " is not served by the engine double");
    };
  }
}
