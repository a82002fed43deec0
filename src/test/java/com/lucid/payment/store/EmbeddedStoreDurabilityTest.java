package com.lucid.payment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.ServiceProcess;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every write the embedded store acknowledged is still there after the process hosting it is SIGKILLed. */
class EmbeddedStoreDurabilityTest {
  @TempDir Path dir;
  private Vertx vertx;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  private static long inserts(List<String> lines) {
    return lines.stream().filter(l -> l.startsWith("insert ")).count();
  }

  @Test
  @Timeout(120)
  void acknowledgedWritesSurviveSigkillAtRandomMoments() throws Exception {
    Random random = new Random();
    for (int run = 0; run < 4; run++) {
      Path file = dir.resolve("run" + run + ".mv.db");
      int concurrency = run % 2 == 0 ? 1 : 16;
      List<String> acked;
      try (ServiceProcess writer = ServiceProcess.start(dir, Map.of(),
          "com.lucid.payment.testing.StoreWriterMain", file.toString(), String.valueOf(concurrency))) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(800 + random.nextInt(1500));
        Await.until("50 acknowledged inserts, and the run's random kill moment", Duration.ofSeconds(60),
            () -> System.nanoTime() >= until && inserts(writer.lines()) >= 50);
        writer.kill();
        acked = writer.lines();
      }
      Set<String> insertedIds = new HashSet<>();
      long lastUpdate = 0;
      for (String line : acked) {
        if (line.startsWith("insert ")) {
          insertedIds.add("doc-" + line.substring(7));
        } else if (line.startsWith("update ")) {
          lastUpdate = Math.max(lastUpdate, Long.parseLong(line.substring(7)));
        }
      }
      assertTrue(insertedIds.size() > 10, "the writer acknowledged too little to prove anything: " + acked.size());
      try (EmbeddedMongo reopened = EmbeddedMongo.start(file, false, 0)) {
        MongoClient mongo = reopened.client(vertx, "durability");
        Set<String> stored = new HashSet<>();
        for (JsonObject doc : mongo.find("docs", new JsonObject()).await(20, TimeUnit.SECONDS)) {
          stored.add(doc.getString("_id"));
        }
        Set<String> lost = new HashSet<>(insertedIds);
        lost.removeAll(stored);
        assertEquals(0, lost.size(), lost.size() + " acknowledged inserts lost in run " + run + ", e.g. "
            + lost.stream().limit(5).toList());
        JsonObject counter = mongo.findOne("counters", new JsonObject().put("_id", "c"), null)
            .await(10, TimeUnit.SECONDS);
        if (lastUpdate > 0) { // no acknowledged update yet means nothing to find
          assertTrue(counter != null && counter.getLong("n") >= lastUpdate,
              "acknowledged update " + lastUpdate + " lost, stored " + counter);
        }
        mongo.close().await(5, TimeUnit.SECONDS);
      }
    }
  }
}
