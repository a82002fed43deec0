package com.lucid.payment.crash;

import com.lucid.payment.api.ErrorCode;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;

/** The payout API over HTTP as a client uses it: a bearer JWT, one Idempotency-Key per payout, retries on no answer. */
final class PayoutsApi {
  /** Refusals that say "not now" rather than "no": the same request is sent again. */
  private static final Set<String> RETRYABLE = Set.of(ErrorCode.IDEMPOTENCY_IN_FLIGHT.code(),
      ErrorCode.RATE_LIMITED.code(), ErrorCode.UNAVAILABLE.code());

  private final JsonHttp http = new JsonHttp();
  private final IntSupplier port;
  private final String token;

  /** {@code port}: the gateway's current port, -1 while the service is down. */
  PayoutsApi(IntSupplier port, String token) {
    this.port = port;
    this.token = token;
  }

  /** What one POST got. */
  sealed interface Answer permits Accepted, NoAnswer, Refused {}

  /** 201, or 200 with Idempotent-Replayed when the payout already existed. */
  record Accepted(JsonObject payout, boolean replayed) implements Answer {}

  /** The connection failed or closed before any reply: the payout may or may not exist. */
  record NoAnswer(String why) implements Answer {}

  record Refused(int status, String code, String body) implements Answer {
    boolean retryable() {
      return RETRYABLE.contains(code);
    }
  }

  Answer create(String idempotencyKey, JsonObject body) throws InterruptedException {
    JsonHttp.Reply reply;
    try {
      reply = http.send("POST", base() + "/payouts", token, body, "Idempotency-Key", idempotencyKey);
    } catch (IOException e) {
      return new NoAnswer(e.getClass().getSimpleName());
    }
    if (reply.status() == 201 || reply.status() == 200) {
      boolean replayed = "true".equals(reply.raw().headers().firstValue("Idempotent-Replayed").orElse(""));
      return new Accepted(reply.json(), replayed);
    }
    String code;
    try {
      code = reply.json().getJsonObject("error").getString("code");
    } catch (RuntimeException notAnEnvelope) {
      code = "";
    }
    return new Refused(reply.status(), code, reply.body());
  }

  /** Every payout the caller sees, newest first, read page by page. */
  List<JsonObject> all() throws IOException, InterruptedException {
    List<JsonObject> all = new ArrayList<>();
    for (int offset = 0; ; offset += 100) {
      JsonHttp.Reply reply = http.send("GET", base() + "/payouts?limit=100&offset=" + offset, token, null);
      if (reply.status() != 200) {
        throw new IOException("listing payouts answered " + reply.status() + ": " + reply.body());
      }
      JsonObject page = reply.json();
      page.getJsonArray("payouts").forEach(p -> all.add((JsonObject) p));
      if (!page.getJsonObject("pagination").getBoolean("has_next")) {
        return all;
      }
    }
  }

  /** The payout's on-chain view: its txid and every attempt with its outcome. */
  JsonObject transaction(String payoutId) throws IOException, InterruptedException {
    JsonHttp.Reply reply = http.send("GET", base() + "/payouts/" + payoutId + "/transaction", token, null);
    if (reply.status() != 200) {
      throw new IOException("the transaction of " + payoutId + " answered " + reply.status() + ": " + reply.body());
    }
    return reply.json();
  }

  private String base() throws IOException {
    int p = port.getAsInt();
    if (p < 0) {
      throw new IOException("the service is down");
    }
    return "http://127.0.0.1:" + p + "/api/payment";
  }
}
