package com.lucid.payment.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.app.VerifyAuditCommand;
import com.lucid.payment.store.EmbeddedMongo;
import com.lucid.payment.store.StoreSchema;
import com.lucid.payment.testing.BusClient;
import com.lucid.payment.testing.TestService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** verify-audit passes on an honest store and names the payout whose history was altered. */
class AuditChainTest {
  @TempDir Path dir;

  private record Run(int exit, String output) {}

  private static Run verify(Map<String, String> env) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit = VerifyAuditCommand.run(env, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  @Timeout(120)
  void verifyAuditFindsEveryAlteredHistory() throws Exception {
    Map<String, String> env = TestService.fastEnv(dir);
    String settled;
    String tampered;
    try (TestService service = TestService.start(env)) {
      BusClient client = new BusClient(service);
      settled = client.pay("ops", "a1", TestService.newAddress().base58(), "4");
      tampered = client.pay("ops", "a2", TestService.newAddress().base58(), "5");
      client.awaitStatus(settled, "confirmed", 60);
      client.awaitStatus(tampered, "confirmed", 60);
    }
    Run honest = verify(env);
    assertEquals(0, honest.exit(), honest.output());
    assertTrue(honest.output().contains("2 payouts checked, 0 broken audit chains"), honest.output());

    Vertx vertx = Vertx.vertx();
    try (EmbeddedMongo mongo = EmbeddedMongo.start(dir.resolve("payments.mv.db"), false, 0)) {
      MongoClient client = mongo.client(vertx, "lucid_payments");
      JsonObject doc = client.findOne(StoreSchema.PAYOUTS, new JsonObject().put("_id", tampered), null)
          .await(10, TimeUnit.SECONDS);
      JsonArray audit = doc.getJsonArray("audit");
      audit.getJsonObject(0).getJsonObject("detail").put("amount_usdt", "500");
      client.updateCollection(StoreSchema.PAYOUTS, new JsonObject().put("_id", tampered),
          new JsonObject().put("$set", new JsonObject().put("audit", audit))).await(10, TimeUnit.SECONDS);
      client.close().await(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
    Run broken = verify(env);
    assertEquals(1, broken.exit(), broken.output());
    assertTrue(broken.output().contains("BROKEN " + tampered + ": event 0 was altered"), broken.output());
    assertTrue(!broken.output().contains("BROKEN " + settled), broken.output());
    assertTrue(broken.output().contains("2 payouts checked, 1 broken audit chains"), broken.output());
  }
}
