package com.lucid.payment.app;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The gateway as an operator command sees it: bearer requests, answers that wait out a 429, errors by code. */
final class GatewayClient {
  private static final int RATE_LIMIT_RETRIES = 10;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String token;

  /** @param url the gateway, with or without the /api/payment base path */
  GatewayClient(String url, String token) {
    String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.base = trimmed.endsWith("/api/payment") ? trimmed : trimmed + "/api/payment";
    this.token = token;
  }

  /** An answer the command cannot use: the error envelope's code and message, or the HTTP status. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** A successful answer: its status and body. */
  record Answer(int status, String body, boolean replayed) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  Answer post(String path, JsonObject body) throws IOException, InterruptedException, Refused {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  Answer get(String path) throws IOException, InterruptedException, Refused {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException, Refused {
    HttpRequest built = request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(120)).build();
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 429 && attempt < RATE_LIMIT_RETRIES) {
        long wait = response.headers().firstValueAsLong("Retry-After").orElse(5);
        Thread.sleep(Math.max(1, wait) * 1000);
        continue;
      }
      if (response.statusCode() >= 200 && response.statusCode() < 300) {
        return new Answer(response.statusCode(), response.body(),
            response.headers().firstValue("Idempotent-Replayed").isPresent());
      }
      throw new Refused(describe(response));
    }
  }

  private static String describe(HttpResponse<String> response) {
    try {
      JsonObject error = new JsonObject(response.body()).getJsonObject("error");
      StringBuilder out = new StringBuilder(error.getString("code") + ": " + error.getString("message"));
      JsonObject details = error.getJsonObject("details");
      if (details != null && details.getJsonArray("errors") != null) {
        details.getJsonArray("errors").forEach(e -> out.append(System.lineSeparator()).append("  ")
            .append(((JsonObject) e).encode()));
      }
      return out.toString();
    } catch (RuntimeException notAnEnvelope) {
      return "HTTP " + response.statusCode();
    }
  }
}
