package com.lucid.payment.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.lucid.payment.devnet.UsdtTransfer;
import com.lucid.payment.testing.Await;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash-safety proof (PRODUCT.md section 3, rule 8): the service, a separate JVM paying from a standalone devnet,
 * is SIGKILLed again and again at random moments and restarted on the same DATA_DIR; every accepted payout is still
 * paid exactly once, nothing else moves, and every audit chain holds. Each run prints its seed: {@code
 * -Dcrash.seed=N} replays the same schedule (the exact interleaving of two processes can never be replayed).
 */
class CrashSafetyTest {
  /** Orders per concurrent client in the in-flight scenario. */
  private static final int PER_CLIENT = 8;

  @TempDir Path dir;
  private long seed;
  private Random random;
  private String context;
  private CrashRig rig;

  @BeforeEach
  void seed(TestInfo test) {
    seed = Long.getLong("crash.seed", new SecureRandom().nextLong());
    random = new Random(seed);
    context = test.getTestMethod().orElseThrow().getName() + " seed " + seed;
    System.out.println(context + " (replay: mvn -o test -Dtest=CrashSafetyTest -Dcrash.seed=" + seed + ")");
  }

  @AfterEach
  void tearDown() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  /** Logs of every service life go to target/crash-logs/METHOD-seed-N, kept after the run for a post-mortem. */
  private void start() throws Exception {
    rig = CrashRig.start(dir, Path.of("target", "crash-logs", context.replace(' ', '-')), context);
  }

  @Test
  @Timeout(300)
  void sigkillsBetweenSigningBroadcastingAndConfirmingNeverPayTwice() throws Exception {
    start();
    IdempotentClient client = new IdempotentClient(rig.api, context);
    List<KillMoment> schedule = new ArrayList<>(Arrays.asList(KillMoment.values()));
    Collections.shuffle(schedule, random);
    for (int extra = random.nextInt(3); extra > 0; extra--) {
      schedule.add(KillMoment.values()[random.nextInt(KillMoment.values().length)]);
    }
    Map<String, PayoutOrder> accepted = new LinkedHashMap<>();
    for (int k = 0; k < schedule.size(); k++) {
      KillMoment moment = schedule.get(k);
      int count = 5;
      int delayMs = 1000 + random.nextInt(1000);
      if (moment == KillMoment.BROADCAST_NEVER_ARRIVES) {
        rig.devnet.swallowBroadcasts(count);
      } else if (moment == KillMoment.BROADCAST_IN_FLIGHT) {
        rig.devnet.delayBroadcasts(delayMs, count);
      }
      Set<String> round = new HashSet<>();
      for (int i = 0; i < count; i++) {
        PayoutOrder order = PayoutOrder.random("crash-" + k + "-" + i, random);
        String id = client.submit(order).getString("payout_id");
        assertNull(accepted.put(id, order), context + ": one payout id for two keys");
        round.add(id);
      }
      String seen = awaitMoment(moment, round);
      long jitter = switch (moment) {
        case JUST_ACCEPTED -> random.nextInt(400);
        case BROADCAST_NEVER_ARRIVES -> random.nextInt(500);
        case BROADCAST_IN_FLIGHT -> random.nextInt(delayMs / 2);
        case INCLUDED_NOT_CONFIRMED -> 0;
      };
      Thread.sleep(jitter); // the scenario: a kill at a random instant after the moment, not a wait for anything
      rig.service.kill();
      rig.devnet.clearFaults();
      System.out.println(context + ": kill " + (k + 1) + " " + moment + " +" + jitter + " ms after " + seen);
      rig.service.start();
    }
    int resigned = rig.assertSettledExactlyOnce(accepted);
    System.out.println(context + ": " + accepted.size() + " payouts, " + schedule.size() + " kills, "
        + resigned + " re-signed after a dead attempt, each paid once");
  }

  /** Waits (at most 30 s) until a payout of the round is where the moment aims; says what it saw. */
  private String awaitMoment(KillMoment moment, Set<String> round) throws Exception {
    if (moment == KillMoment.JUST_ACCEPTED) {
      return "the answers";
    }
    return Await.atMost(Duration.ofSeconds(30), () -> {
      Set<String> onChain = rig.devnet.journal().transfers().stream().map(UsdtTransfer::txid)
          .collect(Collectors.toSet());
      List<JsonObject> payouts;
      try {
        payouts = rig.api.all();
      } catch (IOException busy) {
        payouts = List.of();
      }
      for (JsonObject p : payouts) {
        String txid = p.getString("txid");
        if (!round.contains(p.getString("payout_id")) || txid == null || !"processing".equals(p.getString("status"))) {
          continue;
        }
        boolean included = onChain.contains(txid);
        if (included == (moment == KillMoment.INCLUDED_NOT_CONFIRMED)) {
          return p.getString("payout_id") + " txid " + txid + (included ? " included" : " signed, not on chain");
        }
      }
      return null;
    }, seen -> seen != null).orElse("nothing (the moment was not reached in 30 s)");
  }

  @Test
  @Timeout(300)
  void sigkillsWhilePostsAreInFlightLeaveExactlyOnePayoutPerKey() throws Exception {
    start();
    IdempotentClient client = new IdempotentClient(rig.api, context);
    int clients = 4;
    Map<String, String> idByKey = new ConcurrentHashMap<>();
    Map<String, PayoutOrder> accepted = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Void>> submitters = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        List<PayoutOrder> orders = new ArrayList<>();
        List<Integer> pausesMs = new ArrayList<>();
        for (int i = 0; i < PER_CLIENT; i++) {
          orders.add(PayoutOrder.random("inflight-" + c + "-" + i, random));
          pausesMs.add(50 + random.nextInt(300));
        }
        submitters.add(pool.submit(() -> {
          for (int i = 0; i < orders.size(); i++) {
            Thread.sleep(pausesMs.get(i)); // the scenario: clients that post at their own pace
            String id = client.submit(orders.get(i)).getString("payout_id");
            idByKey.put(orders.get(i).key(), id);
            assertNull(accepted.put(id, orders.get(i)), context + ": one payout id for two keys");
          }
          return null;
        }));
      }
      int kills = 3 + random.nextInt(2);
      for (int k = 0; k < kills && !submitters.stream().allMatch(Future::isDone); k++) {
        Thread.sleep(200 + random.nextInt(800)); // the scenario: the next kill at a random instant
        // a spin, not a wait: the kill must land while a POST is in flight, a moment a 50 ms probe would miss
        while (client.inFlight() == 0 && !submitters.stream().allMatch(Future::isDone)) {
          Thread.sleep(1);
        }
        int inFlight = client.inFlight();
        rig.service.kill();
        System.out.println(context + ": kill " + (k + 1) + " with " + inFlight + " POSTs in flight");
        rig.service.start();
      }
      for (Future<Void> s : submitters) {
        try {
          s.get(200, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof AssertionError a) {
            throw a;
          }
          throw e;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(clients * PER_CLIENT, idByKey.size(), context + ": every key accepted");
    assertEquals(idByKey.size(), accepted.size(), context + ": one payout per key");
    int resigned = rig.assertSettledExactlyOnce(accepted);
    System.out.println(context + ": " + accepted.size() + " keys, " + (rig.service.lives() - 1) + " kills, "
        + client.unanswered() + " requests without an answer, " + client.replayed() + " answered by replay, "
        + client.keysKeptWaiting() + " keys answered 'still in flight' and finished later, "
        + resigned + " re-signed after a dead attempt, each paid once");
  }
}
