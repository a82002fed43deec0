package com.lucid.payment.payout.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.testing.TestPayouts;
import com.lucid.payment.tron.api.SignedAttempt;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What the engine needs of its store, written once and run against each store it runs on (the embedded server,
 * MongoDB): a due payout is held by one worker at a time, a stale copy can no longer write, a change and its events
 * are one unbroken trail, and a taken unique key is told by the driver's error code.
 */
interface PayoutStoreContract {
  long LEASE_MS = 30_000;
  Instant NOW = Instant.parse("2026-11-25T01:00:00Z");
  TestPayouts FIXTURES = new TestPayouts();

  /** A client on {@code vertx} to an empty payout store with the service's indexes. */
  MongoClient emptyStore(Vertx vertx) throws Exception;

  private static List<String> storeDuePayouts(PayoutRepository payouts, int count) throws Exception {
    List<String> ids = IntStream.range(0, count).mapToObj(i -> "payout_" + i).toList();
    for (String id : ids) {
      payouts.insert(FIXTURES.accepted(id, 1_000_000L, NOW)).await(10, TimeUnit.SECONDS);
    }
    return ids;
  }

  private static Set<String> ids(List<JsonObject> docs) {
    return docs.stream().map(d -> d.getString("_id")).collect(Collectors.toSet());
  }

  private static Payout claim(PayoutRepository payouts, String worker) throws Exception {
    return PayoutDocuments.fromStored(payouts.claimDue(worker, NOW, LEASE_MS, PayoutStatus.PENDING, 10)
        .await(10, TimeUnit.SECONDS).get(0));
  }

  @Test
  default void twoWorkersClaimingAtOnceNeverHoldTheSamePayout(Vertx vertx) throws Exception {
    PayoutRepository payouts = new PayoutRepository(emptyStore(vertx));
    List<String> all = storeDuePayouts(payouts, 40);
    Future<List<JsonObject>> a = payouts.claimDue("worker-a", NOW, LEASE_MS, PayoutStatus.PENDING, 40);
    Future<List<JsonObject>> b = payouts.claimDue("worker-b", NOW, LEASE_MS, PayoutStatus.PENDING, 40);
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
    assertTrue(payouts.claimDue("worker-c", NOW.plusSeconds(1), LEASE_MS, PayoutStatus.PENDING, 40)
        .await(10, TimeUnit.SECONDS).isEmpty(), "nothing is claimable while the leases hold");
  }

  @Test
  default void aPayoutFreedByItsLastWriteIsClaimableAgainWhenItsCheckIsDue(Vertx vertx) throws Exception {
    PayoutRepository payouts = new PayoutRepository(emptyStore(vertx));
    storeDuePayouts(payouts, 1);
    Payout held = claim(payouts, "worker-a");
    Instant later = NOW.plusSeconds(3);
    Change change = Change.of().hold(HoldReason.PAUSED)
        .audit(AuditAction.HELD, new JsonObject().put("reason", "paused")).releasing(later);
    assertTrue(payouts.apply(held, change, Actor.worker("worker-a"), NOW, "worker-a")
        .await(10, TimeUnit.SECONDS).isPresent());
    assertTrue(payouts.claimDue("worker-b", NOW.plusSeconds(1), LEASE_MS, PayoutStatus.PENDING, 10)
        .await(10, TimeUnit.SECONDS).isEmpty(), "not before its next check");
    List<JsonObject> again = payouts.claimDue("worker-b", later, LEASE_MS, PayoutStatus.PENDING, 10)
        .await(10, TimeUnit.SECONDS);
    assertEquals(1, again.size());
    assertEquals("worker-b", again.get(0).getString("lease_owner"));
    assertTrue(payouts.apply(held, Change.of().clearHold(), Actor.worker("worker-a"), NOW,
        "worker-a").await(10, TimeUnit.SECONDS).isEmpty(), "the first worker's stale copy can no longer write");
  }

  @Test
  default void aReleaseAndItsSignatureWrittenTogetherLeaveAnUnbrokenTrail(Vertx vertx) throws Exception {
    PayoutRepository payouts = new PayoutRepository(emptyStore(vertx));
    storeDuePayouts(payouts, 1);
    Payout held = claim(payouts, "worker-a");
    Attempt signed = Attempt.signed(new SignedAttempt(held.id(), 1, "ab".repeat(32), "00", NOW.toEpochMilli() + 60_000,
        1_000_000, 7, NOW.toEpochMilli(), "a-seal"), 100);
    Change change = Change.of().status(PayoutStatus.PROCESSING).audit(AuditAction.RELEASED, new JsonObject())
        .attempts(List.of(signed)).audit(AuditAction.SIGNED, new JsonObject().put("attempt", 1));
    payouts.apply(held, change, Actor.worker("worker-a"), NOW, "worker-a").await(10, TimeUnit.SECONDS).orElseThrow();
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

  @Test
  default void aTakenKeyIsADuplicateKeyByItsCodeForSingleAndBulkWrites(Vertx vertx) throws Exception {
    MongoClient mongo = emptyStore(vertx);
    PayoutRepository payouts = new PayoutRepository(mongo);
    Payout payout = FIXTURES.accepted("payout_dup", 1_000_000L, NOW);
    payouts.insert(payout).await(10, TimeUnit.SECONDS);
    Throwable single = payouts.insert(payout).transform(done -> Future.succeededFuture(done.cause()))
        .await(10, TimeUnit.SECONDS);
    assertTrue(DuplicateKey.is(single), String.valueOf(single));
    Throwable bulk = payouts.insertUnordered(List.of(payout, FIXTURES.accepted("payout_new", 1_000_000L, NOW)))
        .transform(done -> Future.succeededFuture(done.cause())).await(10, TimeUnit.SECONDS);
    assertTrue(DuplicateKey.is(bulk), String.valueOf(bulk));
    assertTrue(payouts.find("payout_new").await(10, TimeUnit.SECONDS).isPresent(), "the unordered rest landed");
  }

  @Test
  default void anotherFailureIsNoDuplicateKeyAndNeitherIsItsText(Vertx vertx) throws Exception {
    MongoClient mongo = emptyStore(vertx);
    Throwable other = mongo.bulkWriteWithOptions("payouts", List.of(BulkOperation.createUpdate(new JsonObject(),
            new JsonObject().put("$frobnicate", new JsonObject().put("x", 1)))), new BulkWriteOptions(false))
        .transform(done -> Future.succeededFuture(done.cause())).await(10, TimeUnit.SECONDS);
    assertFalse(DuplicateKey.is(other), String.valueOf(other));
    assertFalse(DuplicateKey.is(new IllegalStateException("E11000 duplicate key error")));
  }
}
