package com.lucid.payment.integrity;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TRON node that lies: an HTTP proxy in front of an honest devnet that forwards every request and lets a
 * {@link Lie} rewrite the answer, as a lagging backend, a node without its transaction index, or someone between the
 * service and its node would. Honest until told otherwise.
 */
final class LyingNode implements AutoCloseable {
  /** Rewrites one answer; {@code n} counts the answers this lie has seen for this path, from 1. */
  interface Lie {
    Future<JsonObject> answer(String path, JsonObject request, JsonObject truth, int n, Devnet devnet);
  }

  /** What a lie may ask the honest devnet behind the proxy. */
  interface Devnet {
    Future<JsonObject> ask(String path, JsonObject body);
  }

  static final Lie HONEST = (path, request, truth, n, devnet) -> Future.succeededFuture(truth);

  private final HttpServer server;
  private final WebClient client;
  private final String upstream;
  private final AtomicReference<Lie> lie = new AtomicReference<>(HONEST);
  private final java.util.Map<String, AtomicInteger> counts = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicInteger lies = new AtomicInteger();

  private LyingNode(HttpServer server, WebClient client, String upstream) {
    this.server = server;
    this.client = client;
    this.upstream = upstream;
  }

  static LyingNode start(Vertx vertx, String upstream) throws Exception {
    WebClient client = WebClient.create(vertx);
    LyingNode[] self = new LyingNode[1];
    HttpServer server = vertx.createHttpServer().requestHandler(r -> self[0].handle(r));
    self[0] = new LyingNode(server, client, upstream);
    server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    return self[0];
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  void lie(Lie next) {
    counts.clear();
    lie.set(next);
  }

  void honest() {
    lie(HONEST);
  }

  /** Answers that a lie changed so far. */
  int liesTold() {
    return lies.get();
  }

  private void handle(HttpServerRequest request) {
    request.body().compose(body -> {
      JsonObject json = body.length() == 0 ? new JsonObject() : body.toJsonObject();
      return ask(request.path(), json).compose(truth -> {
        int n = counts.computeIfAbsent(request.path(), p -> new AtomicInteger()).incrementAndGet();
        Future<JsonObject> told = lie.get().answer(request.path(), json, truth, n, this::ask);
        return told.onComplete(t -> {
          if (t.failed() || !t.result().equals(truth)) {
            lies.incrementAndGet();
          }
        });
      });
    }).onComplete(done -> {
      if (done.succeeded()) {
        request.response().putHeader("Content-Type", "application/json").end(done.result().encode());
      } else {
        request.response().setStatusCode(502).end();
      }
    });
  }

  private Future<JsonObject> ask(String path, JsonObject body) {
    return client.postAbs(upstream + path).sendBuffer(Buffer.buffer(body.encode()))
        .map(response -> response.body() == null || response.body().length() == 0 ? new JsonObject()
            : response.bodyAsJsonObject());
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
    client.close();
  }
}
