package com.lucid.payment.payout.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.store.EmbeddedMongo;
import com.lucid.payment.testing.TestPayouts;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Workers sharing one store: a due payout is held by one worker at a time, and its history stays one chain. */
@Timeout(60)
class PayoutLeaseTest {
  private static final long LEASE_MS = 30_000;

  @TempDir Path dir;
  private EmbeddedMongo store;
  private Vertx vertx;
  private MongoClient mongo;
  private PayoutRepository payouts;
  private final TestPayouts fixtures = new TestPayouts();
  private final Instant now = Instant.parse("2026-11-25T01:00:00Z");

  @BeforeEach
  void setUp() throws Exception {
    store = EmbeddedMongo.start(dir.resolve("payments.mv.db"), false, 0);
    vertx = Vertx.vertx();
    mongo = MongoClient.create(vertx, new JsonObject().put("connection_string", store.connectionString())
        .put("db_name", "lucid_payments"));
    StoreSchema.ensureIndexes(mongo, true).await(10, TimeUnit.SECONDS);
    payouts = new PayoutRepository(mongo);
  }

  @AfterEach
  void tearDown() throws Exception {
    mongo.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
    store.close();
  }

  private List<String> storeDuePayouts(int count) throws Exception {
    List<String> ids = IntStream.range(0, count).mapToObj(i -> "payout_" + i).toList();
    for (String id : ids) {
      payouts.insert(fixtures.accepted(id, 1_000_000L, now)).await(10, TimeUnit.SECONDS);
    }
    return ids;
  }

  private Payout claim(String worker) throws Exception {
    return PayoutDocuments.fromStored(payouts.claimDue(worker, now, LEASE_MS, PayoutStatus.PENDING, 10)
        .await(10, TimeUnit.SECONDS).get(0));
  }

  private static Set<String> ids(List<JsonObject> docs) {
    return docs.stream().map(d -> d.getString("_id")).collect(Collectors.toSet());
  }

  @Test
  void twoWorkersClaimingAtOnceNeverHoldTheSamePayout() throws Exception {
    List<String> all = storeDuePayouts(40);
    Future<List<JsonObject>> a = payouts.claimDue("worker-a", now, LEASE_MS, PayoutStatus.PENDING, 40);
    Future<List<JsonObject>> b = payouts.claimDue("worker-b", now, LEASE_MS, PayoutStatus.PENDING, 40);
    Future.all(a, b).await(10, TimeUnit.SECONDS);
    Set<String> byA = ids(a.result());
    Set<String> byB = ids(b.result());
    Set<String> both = new HashSet<>(byA);
    both.retainAll(byB);
    assertTrue(both.isEmpty(), "held by both workers: " + both);
    Set<String> claimed = new HashSet<>(byA);
    claimed.addAll(byB);
    assertEquals(Set.copyOf(all), claimed, "every due payout is claimed by one of them");
    for (JsonObject doc : a.result()) {
      Payout stored = payouts.find(doc.getString("_id")).await(10, TimeUnit.SECONDS).orElseThrow();
      assertEquals(Optional.of("worker-a"), stored.state().leaseOwner());
      assertEquals(doc.getInteger("version"), stored.state().version(), "the claim returns the stored version");
    }
    assertTrue(payouts.claimDue("worker-c", now.plusSeconds(1), LEASE_MS, PayoutStatus.PENDING, 40).await(10, TimeUnit.SECONDS)
        .isEmpty(), "nothing is claimable while the leases hold");
  }

  @Test
  void aPayoutFreedByItsLastWriteIsClaimableAgainWhenItsCheckIsDue() throws Exception {
    storeDuePayouts(1);
    Payout held = claim("worker-a");
    Instant later = now.plusSeconds(3);
    Change change = Change.of().hold(HoldReason.PAUSED)
        .audit(AuditAction.HELD, new JsonObject().put("reason", "paused")).releasing(later);
    assertTrue(payouts.apply(held, change, Actor.worker("worker-a"), now, "worker-a")
        .await(10, TimeUnit.SECONDS).isPresent());
    assertTrue(payouts.claimDue("worker-b", now.plusSeconds(1), LEASE_MS, PayoutStatus.PENDING, 10).await(10, TimeUnit.SECONDS)
        .isEmpty(), "not before its next check");
    List<JsonObject> again = payouts.claimDue("worker-b", later, LEASE_MS, PayoutStatus.PENDING, 10).await(10, TimeUnit.SECONDS);
    assertEquals(1, again.size());
    assertEquals("worker-b", again.get(0).getString("lease_owner"));
    assertTrue(payouts.apply(held, Change.of().clearHold(), Actor.worker("worker-a"), now,
        "worker-a").await(10, TimeUnit.SECONDS).isEmpty(), "the first worker's stale copy can no longer write");
  }

  @Test
  void aReleaseAndItsSignatureWrittenTogetherLeaveAnUnbrokenTrail() throws Exception {
    storeDuePayouts(1);
    Payout held = claim("worker-a");
    Attempt signed = Attempt.signed(new SignedAttempt(held.id(), 1, "ab".repeat(32), "00", now.toEpochMilli() + 60_000,
        1_000_000, 7, now.toEpochMilli(), "a-seal"), 100);
    Change change = Change.of().status(PayoutStatus.PROCESSING).audit(AuditAction.RELEASED, new JsonObject())
        .attempts(List.of(signed)).audit(AuditAction.SIGNED, new JsonObject().put("attempt", 1));
    payouts.apply(held, change, Actor.worker("worker-a"), now, "worker-a").await(10, TimeUnit.SECONDS).orElseThrow();
    JsonObject written = payouts.findStored(held.id()).await(10, TimeUnit.SECONDS).orElseThrow();
    assertEquals(List.of(), AuditTrail.verify(written));
    JsonArray trail = written.getJsonArray(PayoutFields.AUDIT);
    assertEquals(List.of("created", "released", "signed"),
        trail.stream().map(e -> ((JsonObject) e).getString("action")).toList());
    assertEquals("pending", trail.getJsonObject(1).getString("from"));
    assertEquals("processing", trail.getJsonObject(1).getString("to"));
    assertEquals("processing", trail.getJsonObject(2).getString("from"));
    assertEquals("processing", written.getString("status"));
  }
}
