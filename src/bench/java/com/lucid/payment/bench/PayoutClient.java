package com.lucid.payment.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates payouts over HTTP for the settlement and soak phases, where an exact count or a steady rate matters more
 * than the client's own speed (wrk measures ingest). Keys, users and recipients vary as in bench/wrk/payouts.lua.
 */
final class PayoutClient {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String gateway;
  private final List<String> tokens;
  private final List<String> recipients;
  private final String run = Long.toString(System.nanoTime(), 36);
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong firstAcceptMs = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastAcceptMs = new AtomicLong();

  PayoutClient(String gateway, List<String> tokens, List<String> recipients) {
    this.gateway = gateway;
    this.tokens = tokens;
    this.recipients = recipients;
  }

  /** Creates {@code count} payouts with at most {@code concurrency} requests open; returns when all answered. */
  void create(int count, int concurrency) throws InterruptedException {
    Semaphore open = new Semaphore(concurrency);
    for (int i = 0; i < count; i++) {
      open.acquire();
      send().whenComplete((status, err) -> open.release());
    }
    open.acquire(concurrency);
    open.release(concurrency);
  }

  /** Sends one create request; completes with the HTTP status (or -1 on a transport error). */
  CompletableFuture<Integer> send() {
    long n = sent.incrementAndGet();
    String body = new JsonObject().put("recipient_address", recipients.get((int) (n % recipients.size())))
        .put("amount_usdt", "0.01").put("reason", "bench").put("router_type", "PayoutRouterV0").encode();
    HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/payment/payouts"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + tokens.get((int) (n % tokens.size())))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", "bench-" + run + "-" + n)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, err) -> {
      int status = err == null ? response.statusCode() : -1;
      if (status == 201) {
        long now = System.currentTimeMillis();
        accepted.incrementAndGet();
        firstAcceptMs.accumulateAndGet(now, Math::min);
        lastAcceptMs.accumulateAndGet(now, Math::max);
      } else {
        refused.incrementAndGet();
      }
      return status;
    });
  }

  long accepted() {
    return accepted.get();
  }

  long refused() {
    return refused.get();
  }

  long firstAcceptMs() {
    return firstAcceptMs.get();
  }

  long lastAcceptMs() {
    return lastAcceptMs.get();
  }
}
