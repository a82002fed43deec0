package com.lucid.payment.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class DevnetCommandTest {
  private static final String JAR = "target/tron-payment-service.jar";

  private final TestWallet hot = TestWallet.random();

  @Test
  void argumentsBecomeOptionsWithExactAmounts() {
    DevnetOptions options = DevnetCommand.parse(new String[] {"--port", "0", "--block-ms", "100",
        "--fund", hot.base58() + ":12.5:100.000001", "--fund", hot.hex(), "--control"});

    assertEquals(0, options.port());
    assertEquals(100, options.blockMs());
    assertTrue(options.controlEnabled());
    assertEquals(List.of(new FundedAccount(hot.base58(), 12_500_000, 100_000_001),
        new FundedAccount(hot.hex(), 0, 0)), options.fundedAccounts());
    assertEquals(DevnetCommand.DEFAULT_PORT, DevnetCommand.parse(new String[0]).port());
    assertNull(DevnetCommand.parse(new String[] {"--help"}));
  }

  @Test
  void badArgumentsAreUsageErrors() {
    for (String[] args : List.of(new String[] {"--fund", "nope"},
        new String[] {"--fund", hot.base58() + ":1.1234567"},
        new String[] {"--fund", hot.base58() + ":1e3"},
        new String[] {"--fund", hot.base58() + ":-1"},
        new String[] {"--fund", hot.base58() + ":1:2:3"},
        new String[] {"--fund", hot.base58() + ":99999999999999999999"},
        new String[] {"--port", "70000"}, new String[] {"--block-ms"},
        new String[] {"--frobnicate"})) {
      assertThrows(IllegalArgumentException.class, () -> DevnetCommand.parse(args),
          String.join(" ", args));
    }
  }

  @Test
  void standaloneDevnetPrintsItsContractAndServesGetnowblock(Vertx vertx) throws Exception {
    Process devnet = launch("devnet", "--port", "0", "--block-ms", "100", "--control",
        "--fund", hot.base58() + ":10:5");
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(devnet.getInputStream(), StandardCharsets.UTF_8));
      String baseUrl = valueAfter(out, "Devnet HTTP API:");
      String usdt = valueAfter(out, "USDT contract:").split(" ")[0];
      assertTrue(valueAfter(out, "Head block:").matches("\\d+"));
      assertEquals(UsdtToken.ADDRESS.base58(), usdt, "the same in every process");

      WebClient client = WebClient.create(vertx);
      JsonObject block = TestNode.await(client.getAbs(baseUrl + "/wallet/getnowblock").send())
          .bodyAsJsonObject();
      assertTrue(block.getString("blockID").matches("[0-9a-f]{64}"));
      JsonObject account = TestNode.await(client.postAbs(baseUrl + "/wallet/getaccount")
          .sendJsonObject(new JsonObject().put("address", hot.hex()))).bodyAsJsonObject();
      assertEquals(10_000_000L, account.getLong("balance"));
    } finally {
      devnet.destroy();
      assertTrue(devnet.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
    }
  }

  @Test
  void badInputExitsWithCodeTwoAndUsage() throws Exception {
    Process devnet = launch("devnet", "--fund", "TnotAnAddress:1");
    String stderr = new String(devnet.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(devnet.waitFor(20, TimeUnit.SECONDS));
    assertEquals(2, devnet.exitValue());
    assertTrue(stderr.contains("usage: devnet"), stderr);
  }

  /**
   * `java -jar` of the shaded jar when `mvn package` built one; otherwise the same Main on the
   * test class path, so the test also runs before packaging.
   */
  private static Process launch(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        System.getProperty("java.home") + "/bin/java", "-Dvertx.disableFileCPResolving=true"));
    if (new File(JAR).isFile()) {
      command.addAll(List.of("-jar", JAR));
    } else {
      command.addAll(List.of("-cp", System.getProperty("java.class.path"),
          "com.lucid.payment.app.Main"));
    }
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  private static String valueAfter(BufferedReader out, String label) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(label)) {
        return line.substring(label.length()).trim();
      }
    }
    throw new AssertionError("the devnet never printed " + label);
  }
}
