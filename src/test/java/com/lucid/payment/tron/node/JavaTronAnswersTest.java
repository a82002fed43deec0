package com.lucid.payment.tron.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.config.ConfigException;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.config.ServiceConfig.TronNode;
import com.lucid.payment.testing.JavaTronAnswers;
import com.lucid.payment.tron.chain.TronAddress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The node client against the recorded answers of a real java-tron v4.8.0 node, over HTTP: its two ports checked
 * at start (and each wrong setting named), every read the service makes parsed to the values java-tron gave, and
 * every broadcast refusal understood.
 */
@ExtendWith(VertxExtension.class)
@Timeout(30)
class JavaTronAnswersTest {
  static final TronAddress HOT = TronAddress.fromHex("413315daad409806dcf4b8932a274f46e78d02b7cb");
  static final TronAddress TOKEN = TronAddress.fromHex("41b70d4e988d9321db3c7b6891ffe87333286b2ea6");
  static final TronAddress RECIPIENT = TronAddress.fromHex("41443acd55ea532f69f269162d9b8f9d5f90d55406");
  static final String A = "5d74f745d964426bd6b68f3b4eed8589f1c7d571ca6cf1de8cc635eeaaa42923";

  private Vertx vertx;
  private JavaTronReplay node;
  private NodeClient client;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    node = JavaTronReplay.start(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    node.close();
  }

  private NodeClient client(TronNode... nodes) {
    client = new NodeClient(vertx, new NodeSettings(List.of(nodes), Optional.empty(), Optional.empty(), false,
        new ServiceConfig.Nodes(1000, 1000, 2000, 5, 1000), Optional.empty()), new SimpleMeterRegistry());
    return client;
  }

  private FullNode fullNode() {
    return new FullNode(client(new TronNode(node.fullUrl(), node.solidityUrl())), System::currentTimeMillis,
        new ChainRules(3_000, 30_000));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.await(20, TimeUnit.SECONDS);
  }

  private String startUpError(TronNode configured) {
    ExecutionException wrong = assertThrows(ExecutionException.class,
        () -> new EndpointCheck(client(configured)).run().toCompletionStage().toCompletableFuture().get());
    return assertInstanceOf(ConfigException.class, wrong.getCause()).getMessage();
  }

  @Test
  void bothPortsOfOneNodePassTheStartUpCheck() throws Exception {
    await(new EndpointCheck(client(new TronNode(node.fullUrl(), node.solidityUrl()))).run());
  }

  @Test
  void theFullNodePortAloneIsNamedWithTheSettingThatFixesIt() {
    assertEquals("TRON_NODE_URL: " + node.fullUrl() + " serves no /walletsolidity (HTTP 405, "
        + "text/html;charset=iso-8859-1): java-tron serves it on its solidity port (8091 by default); give both: "
        + "TRON_NODE_URL=" + node.fullUrl() + "|SOLIDITY_URL", startUpError(TronNode.of(node.fullUrl())));
  }

  @Test
  void swappedOrTwoFullNodePortsAreNamedToo() throws Exception {
    assertEquals("TRON_NODE_URL: node 1's full-node URL " + node.solidityUrl() + " serves /walletsolidity but no "
        + "/wallet (HTTP 405, text/html;charset=iso-8859-1): it is a solidity port; give the full-node URL first: "
        + "FULL_URL|SOLIDITY_URL", startUpError(new TronNode(node.solidityUrl(), node.fullUrl())));
    client.close();
    try (JavaTronReplay other = JavaTronReplay.start(vertx)) {
      assertEquals("TRON_NODE_URL: node 1's solidity URL " + other.fullUrl() + " serves no /walletsolidity (HTTP "
          + "405, text/html;charset=iso-8859-1): it is a full-node port; give the solidity port after the '|'",
          startUpError(new TronNode(node.fullUrl(), other.fullUrl())));
    }
  }

  @Test
  void readsParseToWhatJavaTronSaid() throws Exception {
    FullNode tron = fullNode();
    assertEquals(123, await(tron.headBlock()).number());
    assertEquals(121, await(tron.solidBlock()).number());
    assertEquals(new ChainFees(100, 1_000_000_000L), await(tron.chainFees()));
    assertEquals(999_935_965_400L, await(tron.trxBalance(HOT)));
    assertEquals(0L, await(tron.trxBalance(RECIPIENT)), "an account never activated answers {}");
    assertEquals(9_997_897_671_360L, await(tron.usdtBalance(TOKEN, HOT)));
    assertEquals(9_997_897_671_360L, await(tron.usdtSolidBalance(TOKEN, HOT)), "asked of the solidity port");
    AccountResources resources = await(tron.accountResources(HOT));
    assertEquals(5_000 - 4_801, resources.bandwidthAvailable());
    assertEquals(0, resources.energyAvailable());
    assertEquals(34_845L, await(tron.transferEnergy(TOKEN, HOT, RECIPIENT, 1)));
  }

  @Test
  void transactionLookupsBeforeAndAfterTheirBlock() throws Exception {
    FullNode tron = fullNode();
    assertTrue(await(tron.transactionInfo(A)).isEmpty(), "broadcast, not yet in a block: {}");
    TransactionInfo info = await(tron.transactionInfo(A)).orElseThrow();
    assertEquals(124, info.blockNumber());
    assertEquals(2_791_050L, info.feeSun());
    assertEquals("SUCCESS", info.receiptResult());
    assertEquals(1, info.logs().size());
    assertEquals(info, await(tron.solidTransactionInfo(A, 0)).orElseThrow());
    assertTrue(await(tron.transactionInfo("ab".repeat(32))).isEmpty(), "unknown: {}");
    assertTrue(await(tron.solidTransactionInfo("ab".repeat(32), 0)).isEmpty());
    NodeErrorException invalid = assertThrows(NodeErrorException.class, () -> awaitCause(tron.transactionInfo("xyz")));
    assertTrue(invalid.getMessage().contains("INVALID hex String"), invalid.getMessage());
  }

  @Test
  void withEstimateenergyOffTheEnergyIsTriggerconstantcontractsEnergyUsed() throws Exception {
    FullNode tron = fullNode();
    node.answerNext("/wallet/estimateenergy", refusal("CONTRACT_VALIDATE_ERROR",
        "this node does not support estimate energy"));
    assertEquals(27_876L, await(tron.transferEnergy(TOKEN, HOT, RECIPIENT, 1)));
    assertEquals(27_876L, await(tron.transferEnergy(TOKEN, HOT, RECIPIENT, 1)), "not asked again");
  }

  @Test
  void aConstantCallOutOfCpuTimeIsAskedAgainAFewTimesThenFails() throws Exception {
    FullNode tron = fullNode();
    String outOfTime = refusal("OTHER_ERROR", "class org.tron.core.vm.program.Program$OutOfTimeException : "
        + "CPU timeout for 'PUSH1' operation executing");
    node.answerNext("/wallet/triggerconstantcontract", outOfTime);
    node.answerNext("/wallet/triggerconstantcontract", outOfTime);
    assertEquals(9_997_897_671_360L, await(tron.usdtBalance(TOKEN, HOT)), "the third try answered");
    for (int i = 0; i < ConstantCalls.MAX_ATTEMPTS + 1; i++) {
      node.answerNext("/wallet/estimateenergy", outOfTime);
      node.answerNext("/wallet/triggerconstantcontract", outOfTime);
    }
    NodeErrorException timedOut = assertThrows(NodeErrorException.class,
        () -> awaitCause(tron.transferEnergy(TOKEN, HOT, RECIPIENT, 1)));
    assertTrue(timedOut.getMessage().contains("ran out of CPU time"), timedOut.getMessage());
  }

  @Test
  void everyBroadcastAnswerIsUnderstood() throws Exception {
    FullNode tron = fullNode();
    String hex = JavaTronAnswers.get("broadcasthex_success").requestJson().getString("transaction");
    assertEquals(new BroadcastReply(true, "SUCCESS", ""), await(tron.broadcastHex(hex)));
    assertEquals(new BroadcastReply(false, "DUP_TRANSACTION_ERROR", "Dup transaction."),
        await(tron.broadcastHex(hex)), "the same bytes again");
    String[][] refusals = {
        {"broadcasthex_duplicate", "DUP_TRANSACTION_ERROR", "Dup transaction."},
        {"broadcasttransaction_duplicate", "DUP_TRANSACTION_ERROR", "Dup transaction."},
        {"broadcasthex_unsigned", "SIGERROR", "Validate signature error: miss sig or contract"},
        {"broadcasttransaction_no_signature_field", "SIGERROR", "Validate signature error: miss sig or contract"},
        {"broadcasthex_expired", "TRANSACTION_EXPIRATION_ERROR", "Transaction expired"},
        {"broadcasttransaction_expired", "TRANSACTION_EXPIRATION_ERROR", "Transaction expired"},
        {"broadcasthex_bad_tapos", "TAPOS_ERROR", "Tapos check error."},
        {"broadcasttransaction_bad_tapos", "TAPOS_ERROR", "Tapos check error."},
        {"broadcasthex_fee_limit_over_max", "CONTRACT_VALIDATE_ERROR",
            "Contract validate error : feeLimit must be >= 0 and <= 1000000000"}};
    for (String[] r : refusals) {
      assertEquals(new BroadcastReply(false, r[1], r[2]), BroadcastReply.parse(JavaTronAnswers.get(r[0]).json()), r[0]);
    }
    assertFalse(BroadcastReply.parse(JavaTronAnswers.get("broadcasthex_bad_signature").json()).accepted());
    assertThrows(NodeErrorException.class, () -> awaitCause(tron.broadcastHex("zz")), "an Error body");
  }

  private static String refusal(String code, String message) {
    return new JsonObject().put("result", new JsonObject().put("code", code).put("message",
        HexFormat.of().formatHex(message.getBytes(StandardCharsets.UTF_8)))).encode();
  }

  private static void awaitCause(Future<?> future) throws Throwable {
    try {
      future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }
}
