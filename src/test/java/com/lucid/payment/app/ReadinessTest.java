package com.lucid.payment.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lucid.payment.config.ConfigLoader;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import com.lucid.payment.testing.Await;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * /health/ready follows the store: down while MongoDB is unreachable, up again when it is back. The MongoDB is an
 * external one (MONGO_URL): a plain mongo-java-server the test stops and starts on the same port.
 */
class ReadinessTest {
  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  @Timeout(90)
  void readinessGoesDownWhileTheStoreIsUnreachableAndComesBack() throws Exception {
    MongoServer mongo = new MongoServer(new MemoryBackend());
    int mongoPort = mongo.bind().getPort();
    Application app = Application.start(ConfigLoader.load(Map.of(
        "DATA_DIR", dir.toString(), "PORT", "0", "METRICS_PORT", "0",
        "MONGO_URL", "mongodb://127.0.0.1:" + mongoPort))).await(30, TimeUnit.SECONDS);
    try {
      String ready = "http://127.0.0.1:" + app.managementPort() + "/health/ready";
      assertEquals(200, awaitStatus(ready, 200).statusCode());

      mongo.shutdownNow();
      HttpResponse<String> down = awaitStatus(ready, 503);
      assertEquals("store_unreachable", new JsonObject(down.body()).getString("reason"));
      HttpResponse<String> health = get("http://127.0.0.1:" + app.managementPort() + "/health");
      assertEquals(503, health.statusCode());
      assertEquals("down", new JsonObject(health.body()).getJsonObject("checks").getJsonObject("store")
          .getString("status"));

      mongo = new MongoServer(new MemoryBackend());
      mongo.bind("127.0.0.1", mongoPort);
      HttpResponse<String> up = awaitStatus(ready, 200);
      assertEquals("ready", new JsonObject(up.body()).getString("status"));
    } finally {
      app.stop().await(30, TimeUnit.SECONDS);
      mongo.shutdownNow();
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> awaitStatus(String url, int status) throws Exception {
    return Await.until(status + " from " + url, Duration.ofSeconds(30), () -> get(url),
        r -> r.statusCode() == status);
  }
}
