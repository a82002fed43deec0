package com.lucid.payment.gateway;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A plain HTTP/1.1 client for the gateway under test, as a client on the other side of the onion would use it. */
final class Http {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Http(int port) {
    this.base = "http://127.0.0.1:" + port + GatewayVerticle.BASE;
  }

  /** A response as the client saw it. */
  record Response(int status, HttpResponse<String> raw) {
    JsonObject json() {
      return new JsonObject(raw.body());
    }

    Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    /** The error envelope's code, e.g. LUCID_ERR_1001. */
    String errorCode() {
      return json().getJsonObject("error").getString("code");
    }

    String body() {
      return raw.body();
    }
  }

  Response get(String path, String token) throws IOException, InterruptedException {
    return send("GET", path, token, null, new String[0]);
  }

  Response post(String path, String token, String json, String... headers) throws IOException, InterruptedException {
    return send("POST", path, token, json, headers);
  }

  /** headers: name, value, name, value... */
  Response send(String method, String path, String token, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response);
  }
}
