package com.lucid.payment.devnet;

import static com.lucid.payment.devnet.TestNode.TRX;
import static com.lucid.payment.devnet.TestNode.USDT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lucid.payment.testing.JavaTronAnswers;
import com.lucid.payment.testing.JavaTronAnswers.Answer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The devnet, with java-tron's two ports, asked what a real java-tron v4.8.0 node was asked for every read and
 * refused request the service makes (the recorded requests, with the devnet's own hot wallet and token): the shape of
 * each answer (keys, types) and its error text are java-tron's. What may still differ is listed per case and in
 * docs/DEVNET-DIFFERENCES.md.
 */
@ExtendWith(VertxExtension.class)
@Timeout(60)
class JavaTronConformanceTest {
  /** The recorded node's hot wallet and token, each with its devnet stand-in. */
  static final String HOT_HEX = "413315daad409806dcf4b8932a274f46e78d02b7cb";
  static final String HOT_BASE58 = "TEdKeJJob9z2Y8VVXvxiqxyzfTTpV2xaGo";
  static final String TOKEN_HEX = "41b70d4e988d9321db3c7b6891ffe87333286b2ea6";
  /** An account's keys present only once it used a resource; latest_opration_time: see DEVNET-DIFFERENCES. */
  static final Set<String> ACCOUNT_STATE = Set.of("latest_opration_time", "net_usage", "latest_consume_time",
      "free_net_usage", "latest_consume_free_time", "account_resource.energy_usage",
      "account_resource.latest_consume_time_for_energy", "frozenV2[].amount");
  static final Set<String> RESOURCE_STATE = Set.of("freeNetUsed", "NetUsed", "NetLimit", "EnergyUsed",
      "EnergyLimit", "tronPowerLimit", "TotalNetWeight", "TotalEnergyWeight");

  /** Answers compared by shape, with the keys that depend on state. */
  static final Map<String, Set<String>> BY_SHAPE = Map.ofEntries(
      Map.entry("getnowblock", Set.of()), Map.entry("walletsolidity_getnowblock", Set.of()),
      Map.entry("getblockbynum_1", Set.of()), Map.entry("getblockbynum_future", Set.of()),
      Map.entry("getaccount_hot_hex", ACCOUNT_STATE), Map.entry("getaccount_hot_visible", ACCOUNT_STATE),
      Map.entry("getaccount_fresh", Set.of()), Map.entry("getaccount_missing_address", Set.of()),
      Map.entry("getaccountresource_hot", RESOURCE_STATE), Map.entry("getaccountresource_fresh", Set.of()),
      Map.entry("triggerconstantcontract_balanceOf", Set.of()),
      Map.entry("triggerconstantcontract_balanceOf_solid", Set.of()),
      Map.entry("triggerconstantcontract_transfer", Set.of()), Map.entry("estimateenergy_transfer", Set.of()),
      Map.entry("triggersmartcontract_transfer", Set.of()), Map.entry("triggersmartcontract_no_fee_limit", Set.of()));

  /** Refusals compared by shape and text: the Error text, or result.code and the decoded result.message. */
  static final List<String> BY_TEXT = List.of("getaccount_invalid_hex", "getaccount_invalid_base58_visible",
      "getaccountresource_invalid", "triggerconstantcontract_no_contract", "triggerconstantcontract_invalid_contract",
      "triggerconstantcontract_invalid_owner", "estimateenergy_transfer_too_much", "estimateenergy_no_contract",
      "estimateenergy_invalid_owner", "triggersmartcontract_invalid_contract", "gettransactioninfobyid_invalid",
      "broadcasthex_not_hex", "broadcasthex_not_a_tx");

  static final TestWallet HOT = TestWallet.random();
  static TestNode node;

  @BeforeAll
  static void start(Vertx vertx) {
    node = TestNode.start(vertx, javaTronLike());
    node.devnet.produceBlocks(25);
  }

  @AfterAll
  static void stop() {
    TestNode.await(node.devnet.close());
  }

  /** java-tron's layout and its private chain's getMaxFeeLimit, blocks on demand, a funded hot wallet. */
  static DevnetOptions javaTronLike() {
    return TestNode.manualBlocks().withSolidityPort(0).withMaxFeeLimitSun(1_000_000_000L)
        .withFunded(HOT.base58(), 100_000 * TRX, 1_000_000 * USDT);
  }

  /** The recorded request with the devnet's hot wallet and token in place of the recorded node's (same lengths). */
  static String request(Answer a, TestWallet hot, String tokenHex) {
    String body = a.request() instanceof String raw ? raw : ((JsonObject) a.request()).encode();
    return body.replace(HOT_HEX, hot.hex()).replace(HOT_HEX.substring(2), hot.evmHex())
        .replace(HOT_BASE58, hot.base58()).replace(TOKEN_HEX, tokenHex);
  }

  static HttpResponse<Buffer> ask(TestNode on, Answer a, TestWallet hot) {
    String url = (a.solidityPort() ? on.devnet.solidityUrl() : on.devnet.baseUrl()) + a.path();
    return TestNode.await(on.client.postAbs(url).sendBuffer(Buffer.buffer(request(a, hot, on.usdtHex()))));
  }

  @Test
  void everyReadHasJavaTronsShape() {
    List<String> differences = new ArrayList<>();
    BY_SHAPE.forEach((name, state) -> {
      Answer a = JavaTronAnswers.get(name);
      HttpResponse<Buffer> answer = ask(node, a, HOT);
      assertEquals(200, answer.statusCode(), name);
      assertEquals(a.contentType(), answer.getHeader("Content-Type"), name);
      Shapes.differences(a.json(), answer.bodyAsJsonObject(), state).forEach(d -> differences.add(name + " " + d));
    });
    assertEquals(List.of(), differences);
  }

  @Test
  void everyRefusalHasJavaTronsShapeAndText() {
    List<String> differences = new ArrayList<>();
    for (String name : BY_TEXT) {
      JsonObject expected = JavaTronAnswers.get(name).json();
      JsonObject actual = ask(node, JavaTronAnswers.get(name), HOT).bodyAsJsonObject();
      Shapes.differences(expected, actual, Set.of()).forEach(d -> differences.add(name + " " + d));
      if (!texts(expected).equals(texts(actual))) {
        differences.add(name + ": " + texts(expected) + " in java-tron, " + texts(actual) + " on the devnet");
      }
    }
    assertEquals(List.of(), differences);
  }

  /** The Error text, or result.code with the decoded result.message. */
  static String texts(JsonObject answer) {
    if (answer.containsKey("Error")) {
      return answer.getString("Error");
    }
    JsonObject result = answer.getJsonObject("result", new JsonObject());
    return result.getString("code") + " " + Shapes.text(result.getString("message", ""));
  }

  @Test
  void aBodyThatIsNotJsonIsFastjsonsError() {
    Answer a = JavaTronAnswers.get("getaccount_bad_json");
    String error = ask(node, a, HOT).bodyAsJsonObject().getString("Error");
    String javaTron = a.json().getString("Error");
    // the class is java-tron's parser's; its message is not (DEVNET-DIFFERENCES)
    assertEquals(javaTron.substring(0, javaTron.indexOf(" : ") + 3), error.substring(0, error.indexOf(" : ") + 3));
  }

  @Test
  void eachPortAnswersTheOthersPathsWithJettys405Page() {
    for (String name : List.of("walletsolidity_getnowblock_on_full_url", "wallet_getnowblock_on_solid_url")) {
      Answer a = JavaTronAnswers.get(name);
      HttpResponse<Buffer> answer = ask(node, a, HOT);
      assertEquals(a.status(), answer.statusCode(), name);
      assertEquals(a.contentType(), answer.getHeader("Content-Type"), name);
      assertEquals(masked(a.text()), masked(answer.bodyAsString()), name);
    }
  }

  private static String masked(String page) {
    return page.replaceAll("Default404Servlet-[0-9a-f]+", "Default404Servlet-*");
  }

  @Test
  void getnowblockByGetAndTheChainParametersAreJavaTrons() {
    HttpResponse<Buffer> get = TestNode.await(node.client.getAbs(node.devnet.baseUrl() + "/wallet/getnowblock").send());
    assertEquals(List.of(), Shapes.differences(JavaTronAnswers.get("getnowblock_GET").json(), get.bodyAsJsonObject(),
        Set.of()));
    JsonArray recorded = JavaTronAnswers.get("getchainparameters").json().getJsonArray("chainParameter");
    JsonArray devnet = ask(node, JavaTronAnswers.get("getchainparameters"), HOT).bodyAsJsonObject()
        .getJsonArray("chainParameter");
    assertEquals(keys(recorded), keys(devnet), "the 73 parameters of java-tron v4.8.0, in its order");
    assertEquals(1_000_000_000L, value(devnet, "getMaxFeeLimit"));
    assertEquals(100L, value(devnet, "getEnergyFee"));
  }

  private static List<String> keys(JsonArray parameters) {
    List<String> keys = new ArrayList<>();
    parameters.forEach(p -> keys.add(((JsonObject) p).getString("key")));
    return keys;
  }

  private static long value(JsonArray parameters, String key) {
    for (Object p : parameters) {
      if (key.equals(((JsonObject) p).getString("key"))) {
        return ((JsonObject) p).getLong("value", 0L);
      }
    }
    throw new AssertionError("no " + key);
  }

  @Test
  void estimateenergySwitchedOffAndACallOutOfCpuTimeAnswerAsJavaTronsSourceDoes(Vertx vertx) {
    TestNode off = TestNode.start(vertx, javaTronLike().withEstimateEnergy(false));
    try {
      Answer estimate = JavaTronAnswers.get("estimateenergy_transfer");
      assertEquals("CONTRACT_VALIDATE_ERROR this node does not support estimate energy",
          texts(ask(off, estimate, HOT).bodyAsJsonObject()));
      assertEquals(List.of(), Shapes.differences(JavaTronAnswers.get("estimateenergy_no_contract").json(),
          ask(off, estimate, HOT).bodyAsJsonObject(), Set.of()), "{result: {code, message}}");
      off.devnet.injectFault(DevnetFault.of(FaultType.CPU_TIMEOUT).times(1));
      assertEquals("OTHER_ERROR class org.tron.core.vm.program.Program$OutOfTimeException : CPU timeout for 'PUSH1' "
          + "operation executing", texts(ask(off, JavaTronAnswers.get("triggerconstantcontract_balanceOf"), HOT)
          .bodyAsJsonObject()));
      assertEquals(List.of(), Shapes.differences(JavaTronAnswers.get("triggerconstantcontract_balanceOf").json(),
          ask(off, JavaTronAnswers.get("triggerconstantcontract_balanceOf"), HOT).bodyAsJsonObject(), Set.of()),
          "the next call runs");
    } finally {
      TestNode.await(off.devnet.close());
    }
  }
}
