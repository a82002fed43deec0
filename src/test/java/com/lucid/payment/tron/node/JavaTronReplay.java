package com.lucid.payment.tron.node;

import com.lucid.payment.testing.JavaTronAnswers;
import com.lucid.payment.testing.JavaTronAnswers.Answer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A java-tron node that answers from the recording: a full-node port and a solidity port, each answering a recorded
 * request (same port, path and JSON body) byte for byte, with its status and Content-Type, the other port's paths with
 * java-tron's recorded 405 page, and anything else 404. A request recorded more than once (a lookup before and after
 * its block, a broadcast and its duplicate) gets the recordings in their order, the last one from then on. A test may
 * queue answers of its own for a path.
 */
final class JavaTronReplay implements AutoCloseable {
  private final HttpServer full;
  private final HttpServer solid;
  private final Map<String, Deque<String>> queued = new ConcurrentHashMap<>();
  private final Map<String, Integer> asked = new ConcurrentHashMap<>();

  private JavaTronReplay(HttpServer full, HttpServer solid) {
    this.full = full;
    this.solid = solid;
  }

  static JavaTronReplay start(Vertx vertx) throws Exception {
    JavaTronReplay[] self = new JavaTronReplay[1];
    HttpServer full = vertx.createHttpServer().requestHandler(r -> self[0].handle(r, false));
    HttpServer solid = vertx.createHttpServer().requestHandler(r -> self[0].handle(r, true));
    self[0] = new JavaTronReplay(full, solid);
    full.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    solid.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    return self[0];
  }

  String fullUrl() {
    return "http://127.0.0.1:" + full.actualPort();
  }

  String solidityUrl() {
    return "http://127.0.0.1:" + solid.actualPort();
  }

  /** The next request to {@code path} (either port) is answered 200 with this JSON instead. */
  void answerNext(String path, String json) {
    queued.computeIfAbsent(path, p -> new ArrayDeque<>()).add(json);
  }

  private void handle(HttpServerRequest request, boolean solidityPort) {
    request.body().onSuccess(body -> {
      Deque<String> mine = queued.get(request.path());
      String own = mine == null ? null : mine.poll();
      if (own != null) {
        request.response().putHeader("Content-Type", "application/json;charset=utf-8").end(own);
        return;
      }
      Object sent = parse(body.toString());
      List<Answer> recorded = JavaTronAnswers.all().stream().filter(a -> a.solidityPort() == solidityPort
          && a.path().equals(request.path()) && a.request() != null && a.request().equals(sent)).toList();
      if (!recorded.isEmpty()) {
        int n = asked.merge(solidityPort + request.path() + sent, 1, Integer::sum);
        Answer a = recorded.get(Math.min(n, recorded.size()) - 1);
        request.response().setStatusCode(a.status()).putHeader("Content-Type", a.contentType()).end(a.text());
        return;
      }
      boolean otherPort = request.path().startsWith("/walletsolidity/") != solidityPort;
      if (otherPort) {
        Answer page = JavaTronAnswers.get(solidityPort ? "wallet_getnowblock_on_solid_url"
            : "walletsolidity_getnowblock_on_full_url");
        request.response().setStatusCode(page.status()).putHeader("Content-Type", page.contentType())
            .end(page.text().replace(page.path(), request.path()));
        return;
      }
      request.response().setStatusCode(404).end("not recorded: " + request.path() + " " + body);
    });
  }

  private static Object parse(String body) {
    try {
      return body.isEmpty() ? new JsonObject() : new JsonObject(body);
    } catch (DecodeException e) {
      return body;
    }
  }

  @Override
  public void close() throws Exception {
    full.close().await(10, TimeUnit.SECONDS);
    solid.close().await(10, TimeUnit.SECONDS);
  }
}
