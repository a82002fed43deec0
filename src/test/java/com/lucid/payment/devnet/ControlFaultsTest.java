package com.lucid.payment.devnet;

import static com.lucid.payment.devnet.TestNode.TRX;
import static com.lucid.payment.devnet.TestNode.USDT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tron.trident.proto.Chain.Transaction;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ControlFaultsTest {
  private final TestWallet hot = TestWallet.random();
  private final TestWallet alice = TestWallet.random();
  private TestNode node;

  @BeforeEach
  void startDevnet(Vertx vertx) {
    node = TestNode.start(vertx,
        TestNode.manualBlocks().withFunded(hot.base58(), 1_000 * TRX, 500 * USDT));
    node.devnet.produceBlocks(20);
  }

  private JsonObject inject(JsonObject fault) {
    HttpResponse<Buffer> response = TestNode.await(node.client
        .postAbs(node.devnet.baseUrl() + "/devnet/control/faults").sendJsonObject(fault));
    assertEquals(200, response.statusCode(), response::bodyAsString);
    return response.bodyAsJsonObject();
  }

  private JsonObject broadcast(Transaction tx) {
    return node.post("/wallet/broadcasttransaction", TransactionJson.render(tx, false));
  }

  @Test
  void droppedBroadcastSaysAcceptedButNeverLands() {
    inject(new JsonObject().put("type", "DROP_BROADCAST").put("times", 1));
    Transaction tx = node.transfer(hot, alice.hex(), USDT, 100 * TRX);

    assertEquals(Boolean.TRUE, broadcast(tx).getBoolean("result"));
    node.includeAndSolidify();
    assertEquals(new JsonObject(), node.info(TestNode.txid(tx), false));

    assertEquals(Boolean.TRUE, broadcast(tx).getBoolean("result"), "not a duplicate: it was lost");
    node.includeAndSolidify();
    assertEquals(USDT, node.usdtOf(alice.base58()));
  }

  @Test
  void delayedBroadcastIsNotPooledUntilTheDelayEnds() {
    inject(new JsonObject().put("type", "DELAY_BROADCAST").put("delay_ms", 1_500));
    Transaction tx = node.transfer(hot, alice.hex(), USDT, 100 * TRX);

    Future<HttpResponse<Buffer>> answer = node.client
        .postAbs(node.devnet.baseUrl() + "/wallet/broadcasthex")
        .sendJsonObject(new JsonObject().put("transaction", TestNode.HEX.formatHex(tx.toByteArray())));
    node.includeAndSolidify();
    assertFalse(answer.isComplete());
    assertEquals(new JsonObject(), node.info(TestNode.txid(tx), false));

    assertEquals(Boolean.TRUE, TestNode.await(answer).bodyAsJsonObject().getBoolean("result"));
    node.includeAndSolidify();
    assertEquals(USDT, node.usdtOf(alice.base58()));
  }

  @Test
  void httpErrorsHitMatchingPathsForTheNextRequests() {
    inject(new JsonObject().put("type", "HTTP_ERROR").put("status", 500)
        .put("path", "/wallet/getnowblock").put("times", 2));
    String url = node.devnet.baseUrl() + "/wallet/getnowblock";

    assertEquals(500, TestNode.await(node.client.getAbs(url).send()).statusCode());
    assertEquals(200, TestNode.await(node.client.getAbs(node.devnet.baseUrl()
        + "/walletsolidity/getnowblock").send()).statusCode(), "other paths are untouched");
    assertEquals(500, TestNode.await(node.client.getAbs(url).send()).statusCode());
    assertEquals(200, TestNode.await(node.client.getAbs(url).send()).statusCode());

    inject(new JsonObject().put("type", "HTTP_ERROR"));
    assertEquals(503, TestNode.await(node.client.getAbs(url).send()).statusCode());
  }

  @Test
  void serverBusyRefusesBroadcastsTheTronWay() {
    inject(new JsonObject().put("type", "SERVER_BUSY").put("times", 1));
    Transaction tx = node.transfer(hot, alice.hex(), USDT, 100 * TRX);

    assertEquals(new JsonObject().put("code", "SERVER_BUSY")
        .put("message", TestNode.utf8Hex("Server busy.")).put("txid", TestNode.txid(tx)),
        broadcast(tx));
    assertEquals(Boolean.TRUE, broadcast(tx).getBoolean("result"));
  }

  @Test
  void timeoutsNeverAnswerOrAnswerLate() {
    inject(new JsonObject().put("type", "TIMEOUT").put("path", "/wallet/getnowblock")
        .put("times", 1));
    String url = node.devnet.baseUrl() + "/wallet/getnowblock";
    assertThrows(Exception.class,
        () -> node.client.getAbs(url).timeout(500).send().await(10, TimeUnit.SECONDS));

    inject(new JsonObject().put("type", "TIMEOUT").put("path", "/wallet/getnowblock")
        .put("delay_ms", 300).put("times", 1));
    assertEquals(200, TestNode.await(node.client.getAbs(url).send()).statusCode());
  }

  @Test
  void pausedBlockProductionHoldsTheHead(Vertx vertx) {
    TestNode fast = TestNode.start(vertx, TestNode.fastBlocks());
    String id = fast.devnet.injectFault(DevnetFault.of(FaultType.PAUSE_BLOCKS));
    TestNode.await(vertx.timer(100));
    long paused = fast.devnet.headBlockNumber();
    TestNode.await(vertx.timer(400));
    assertEquals(paused, fast.devnet.headBlockNumber());

    fast.devnet.clearFault(id);
    fast.pollUntil("/wallet/getnowblock", new JsonObject(), block -> block
        .getJsonObject("block_header").getJsonObject("raw_data").getLong("number", 0L) > paused);
  }

  @Test
  void neverIncludedTransactionStaysPendingAsDuplicateUntilItExpires(Vertx vertx) {
    inject(new JsonObject().put("type", "NEVER_INCLUDE").put("times", 1));
    String solid = node.get("/walletsolidity/getnowblock").getString("blockID");
    Transaction tx = TestNode.sign(node.transferRaw(hot, alice.hex(), USDT, 100 * TRX, solid,
        node.headTime() + 500), hot);

    assertEquals(Boolean.TRUE, broadcast(tx).getBoolean("result"));
    node.includeAndSolidify();
    assertEquals(new JsonObject(), node.info(TestNode.txid(tx), false));
    assertEquals("DUP_TRANSACTION_ERROR", broadcast(tx).getString("code"));

    TestNode.await(vertx.timer(600));
    node.includeAndSolidify();
    assertEquals("TRANSACTION_EXPIRATION_ERROR", broadcast(tx).getString("code"));
    assertEquals(0L, node.usdtOf(alice.base58()));
  }

  @Test
  void lyingNodeClaimsSuccessButTheSolidityTwinTellsTheTruth() {
    Transaction failing = node.transfer(hot, alice.hex(), USDT, TRX);
    broadcast(failing);
    node.includeAndSolidify();
    inject(new JsonObject().put("type", "LIE_TX_INFO"));

    String unknown = "ab".repeat(32);
    assertEquals("SUCCESS", node.info(unknown, false).getJsonObject("receipt").getString("result"));
    assertEquals(new JsonObject(), node.info(unknown, true));
    JsonObject lie = node.info(TestNode.txid(failing), false);
    assertEquals("SUCCESS", lie.getJsonObject("receipt").getString("result"));
    assertFalse(lie.containsKey("result"));
    assertEquals("OUT_OF_ENERGY", node.info(TestNode.txid(failing), true)
        .getJsonObject("receipt").getString("result"));
  }

  @Test
  void faultsAreListedAndCleared() {
    String id = inject(new JsonObject().put("type", "server_busy").put("times", 3))
        .getString("id");
    JsonArray faults = node.get("/devnet/control/faults").getJsonArray("faults");
    assertEquals(new JsonObject().put("type", "SERVER_BUSY").put("path", "/wallet/broadcast")
        .put("times", 3).put("delay_ms", 0L).put("status", 0).put("id", id),
        faults.getJsonObject(0));

    HttpResponse<Buffer> cleared = TestNode.await(node.client
        .deleteAbs(node.devnet.baseUrl() + "/devnet/control/faults").send());
    assertEquals(new JsonObject().put("cleared", 1), cleared.bodyAsJsonObject());
    assertEquals(Boolean.TRUE,
        broadcast(node.transfer(hot, alice.hex(), USDT, 100 * TRX)).getBoolean("result"));
    HttpResponse<Buffer> bad = TestNode.await(node.client
        .postAbs(node.devnet.baseUrl() + "/devnet/control/faults")
        .sendJsonObject(new JsonObject().put("type", "NO_SUCH_FAULT")));
    assertEquals(400, bad.statusCode());
  }

  @Test
  void fundingAndTheJournalShowWhatMoved() {
    JsonObject funded = node.post("/devnet/control/fund", new JsonObject()
        .put("address", alice.base58()).put("trx_sun", 50 * TRX).put("usdt_units", 7 * USDT));
    assertEquals(new JsonObject().put("address", alice.base58()).put("trx_sun", 50 * TRX)
        .put("usdt_units", 7 * USDT), funded);
    Transaction tx = node.transfer(alice, hot.hex(), 2 * USDT, 100 * TRX);
    broadcast(tx);
    node.includeAndSolidify();

    JsonObject journal = node.get("/devnet/control/journal");
    assertEquals(1, journal.getJsonArray("transfers").size());
    JsonObject transfer = journal.getJsonArray("transfers").getJsonObject(0);
    assertEquals(new JsonObject().put("txid", TestNode.txid(tx)).put("from", alice.base58())
        .put("to", hot.base58()).put("amount", 2 * USDT)
        .put("block", transfer.getLong("block")), transfer);
    JsonArray balances = journal.getJsonArray("balances");
    assertTrue(balances.stream().map(b -> (JsonObject) b).anyMatch(b -> b.equals(new JsonObject()
        .put("address", hot.base58()).put("trx_sun", 1_000 * TRX).put("usdt_units", 502 * USDT))),
        balances::encode);
    assertEquals(journal.getLong("head_block") - 19, journal.getLong("solidified_block"));
  }

  @Test
  void controlApiIsAbsentUnlessEnabled(Vertx vertx) {
    TestNode plain = TestNode.start(vertx, DevnetOptions.defaults());
    assertEquals(404, TestNode.await(plain.client
        .getAbs(plain.devnet.baseUrl() + "/devnet/control/journal").send()).statusCode());
  }
}
