package com.lucid.payment.devnet;

import static com.lucid.payment.devnet.TestNode.TRX;
import static com.lucid.payment.devnet.TestNode.USDT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tron.trident.proto.Chain.Transaction;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class ThroughputTest {
  private static final int PAYOUTS = 400;
  private static final int IN_FLIGHT = 50;

  @Test
  void manyPayoutsInFlightArePaidExactlyOnceAndNothingElseMoves(Vertx vertx) {
    TestWallet hot = TestWallet.random();
    TestNode node = TestNode.start(vertx,
        TestNode.fastBlocks().withFunded(hot.base58(), 1_000_000 * TRX, 10_000 * USDT));
    String solid = node.get("/walletsolidity/getnowblock").getString("blockID");
    long expiration = node.headTime() + 60_000;
    Map<String, Long> owed = new HashMap<>();
    List<Transaction> payouts = new ArrayList<>();
    for (int i = 0; i < PAYOUTS; i++) {
      TestWallet recipient = TestWallet.random();
      long amount = (i + 1) * 10_000L;
      owed.put(recipient.base58(), amount);
      payouts.add(TestNode.sign(node.transferRaw(hot, recipient.hex(), amount, 50 * TRX, solid,
          expiration), hot));
    }

    AtomicInteger next = new AtomicInteger();
    List<Future<Void>> workers = new ArrayList<>();
    for (int w = 0; w < IN_FLIGHT; w++) {
      workers.add(sendRemaining(node, payouts, next));
    }
    TestNode.await(Future.all(workers));
    String lastTxid = TestNode.txid(payouts.get(PAYOUTS - 1));
    node.pollUntil("/walletsolidity/gettransactioninfobyid",
        new JsonObject().put("value", lastTxid), info -> !info.isEmpty());
    node.pollUntil("/wallet/getnowblock", new JsonObject(), block -> node.devnet
        .solidifiedBlockNumber() >= node.devnet.transfers().get(PAYOUTS - 1).blockNumber());

    List<UsdtTransfer> journal = node.devnet.transfers();
    assertEquals(PAYOUTS, journal.size());
    Map<String, Long> paid = new HashMap<>();
    journal.forEach(t -> paid.merge(t.to(), t.amount(), Math::addExact));
    assertEquals(owed, paid);
    long total = owed.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(10_000 * USDT - total, node.usdtOf(hot.base58()));
    owed.forEach((address, amount) -> assertEquals(amount, node.usdtOf(address)));
  }

  private static Future<Void> sendRemaining(TestNode node, List<Transaction> payouts,
      AtomicInteger next) {
    int index = next.getAndIncrement();
    if (index >= payouts.size()) {
      return Future.succeededFuture();
    }
    Transaction tx = payouts.get(index);
    return node.client.postAbs(node.devnet.baseUrl() + "/wallet/broadcasthex")
        .sendJsonObject(new JsonObject().put("transaction", TestNode.HEX.formatHex(tx.toByteArray())))
        .compose(response -> {
          JsonObject answer = response.bodyAsJsonObject();
          if (!answer.getBoolean("result")) {
            return Future.failedFuture(new AssertionError("refused: " + answer.encode()));
          }
          return sendRemaining(node, payouts, next);
        });
  }
}
