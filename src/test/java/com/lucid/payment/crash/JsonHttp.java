package com.lucid.payment.crash;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP/1.1 with JSON bodies, as any client of the service or of the devnet's control API would speak it. */
final class JsonHttp {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** An answer as the client saw it. */
  record Reply(int status, String body, HttpResponse<String> raw) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  /**
   * Sends one request; {@code headers} are name, value pairs. An IOException means no answer arrived: the request
   * may or may not have been processed.
   */
  Reply send(String method, String url, String token, JsonObject body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body(), response);
  }

  /** A request to a peer that is up and must answer 200; anything else fails the test. */
  JsonObject ok(String method, String url, JsonObject body) throws IOException, InterruptedException {
    Reply reply = send(method, url, null, body);
    if (reply.status() != 200) {
      throw new AssertionError(method + " " + url + " answered " + reply.status() + ": " + reply.body());
    }
    return reply.json();
  }
}
