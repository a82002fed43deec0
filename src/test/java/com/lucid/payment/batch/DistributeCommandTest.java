package com.lucid.payment.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.app.DistributeCommand;
import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.BusClient;
import com.lucid.payment.testing.MutableClock;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's {@code distribute} command against a running service over HTTP: a CSV of entitlements previewed,
 * then submitted and followed with a progress bar until its MONTHLY batch settles, then the report printed.
 */
class DistributeCommandTest {
  @TempDir Path dir;

  /** One run of the command: its exit status and what it printed. */
  private record Run(int status, String out, String err) {}

  /** What a command prints, readable while it runs. */
  private record Streams(ByteArrayOutputStream out, ByteArrayOutputStream err) {
    Streams() {
      this(new ByteArrayOutputStream(), new ByteArrayOutputStream());
    }

    Run run(String... args) {
      int status = DistributeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  private static Run run(String... args) {
    return new Streams().run(args);
  }

  @Test
  @Timeout(120)
  void aCsvIsPreviewedThenSubmittedFollowedUntilItSettlesAndReported() throws Exception {
    Map<String, String> env = TestService.fastEnv(Files.createDirectories(dir.resolve("data")));
    env.put("PLATFORM_FEE_PERCENT", "1");
    MutableClock clock = MutableClock.at(Instant.parse("2026-11-29T12:00:00Z"));
    try (TestService service = TestService.start(env, clock)) {
      String a = TestService.newAddress().base58();
      String b = TestService.newAddress().base58();
      String c = TestService.newAddress().base58();
      Path csv = dir.resolve("entitlements-2026-11.csv");
      Files.writeString(csv, String.join("\n", "recipient,node_id,gross_usdt,router_type",
          a + ",node-1,20,PayoutRouterV0", b + ",,5,PayoutRouterV0", c + ",\"node \"\"eu\"\", 2\",12.5,PayoutRouterV0",
          ""));
      String url = "http://127.0.0.1:" + service.app().gatewayPort();
      String token = service.token("payroll", Role.SERVICE);
      String[] base = {"--url", url, "--token", token, "--period", "2026-11", "--file", csv.toString()};

      Run preview = run(concat(base, "--preview"));
      assertEquals(0, preview.status(), preview.err());
      List<String> rows = preview.out().lines().toList();
      assertEquals(5, rows.size(), preview.out());
      assertEquals("2026-11,total,,,,37.5,0.375,0,37.125,preview,0,32.175,0,4.95,,,", rows.get(4));
      assertTrue(rows.get(3).contains(",\"node \"\"eu\"\", 2\","), rows.get(3));
      BusClient bus = new BusClient(service);
      assertEquals(ErrorCode.NOT_FOUND, bus.failure(BusAddress.DISTRIBUTION_REPORT,
          new JsonObject().put("period", "2026-11"), "root", "admin").code(), "a preview stores nothing");

      Run refused = run("--url", url, "--token", service.token("eve", Role.END_USER),
          "--period", "2026-11", "--file", csv.toString());
      assertEquals(DistributeCommand.FAILED, refused.status());
      assertTrue(refused.err().contains("LUCID_ERR_2010"), refused.err());

      Streams streams = new Streams();
      CompletableFuture<Run> submitted = CompletableFuture.supplyAsync(() -> streams.run(concat(base, "--poll-ms",
          "100")));
      JsonObject batch = awaitBatch(bus);
      assertEquals("2026-11-30T00:00:00Z", batch.getString("release_at"));
      Await.atMost(Duration.ofSeconds(30), () -> streams.err().toString(StandardCharsets.UTF_8),
          err -> err.contains("0/2 settled"));
      clock.set(Instant.parse("2026-11-30T00:00:01Z"));
      Run done = submitted.get(90, TimeUnit.SECONDS);

      assertEquals(0, done.status(), done.err());
      assertTrue(done.err().contains("[##############################] 2/2 settled (confirmed 2, failed 0"),
          done.err());
      assertTrue(done.err().contains("0/2 settled"), "the bar was drawn before the release: " + done.err());
      rows = done.out().lines().toList();
      assertEquals("2026-11,total,,,,37.5,0.375,0,37.125,completed,32.175,0,0,4.95,,,", rows.get(4));
      assertEquals(19_800_000L, service.devnet().balance(a).usdtUnits());
      assertEquals(0L, service.devnet().balance(b).usdtUnits());
      assertEquals(12_375_000L, service.devnet().balance(c).usdtUnits());

      Run again = run(base);
      assertEquals(0, again.status(), again.err());
      assertTrue(again.err().contains("was submitted before"), again.err());
      assertEquals(done.out(), again.out());
      assertEquals(2, service.devnet().transfers().size(), "paid once");
    }
  }

  /** The period's batch once the command has submitted it and every payout of it is stored. */
  private static JsonObject awaitBatch(BusClient bus) throws Exception {
    return Await.until("the command to submit the period", Duration.ofSeconds(30), () -> {
      try {
        String id = bus.call(BusAddress.DISTRIBUTION_REPORT, new JsonObject().put("period", "2026-11"), "root",
            "admin").getString("batch_id");
        return bus.call(BusAddress.BATCH_GET, new JsonObject().put("batch_id", id), "root", "admin");
      } catch (Exception notYet) {
        return null; // not submitted yet
      }
    }, batch -> batch != null && batch.getInteger("pending_payouts") == 2);
  }

  @Test
  void usageProblemsAreRefusedBeforeAnythingIsSent() throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "recipient,amount,router_type\nTX,1,PayoutRouterV0\n");
    String[] common = {"--url", "http://127.0.0.1:9", "--token", "t", "--period", "2026-11"};
    Run unknownColumn = run(concat(common, "--file", csv.toString()));
    assertEquals(DistributeCommand.USAGE, unknownColumn.status());
    assertTrue(unknownColumn.err().contains("line 1: unknown column 'amount'"), unknownColumn.err());
    assertEquals(DistributeCommand.USAGE, run(concat(common, "--file", dir.resolve("none.csv").toString())).status());
    assertEquals(DistributeCommand.USAGE, run("--url", "http://127.0.0.1:9", "--file", csv.toString()).status());
    assertEquals(DistributeCommand.USAGE, run(concat(common, "--file", csv.toString(), "--verbose")).status());
    Files.writeString(csv, "recipient,gross_usdt,router_type\nTX,1\n");
    Run shortRow = run(concat(common, "--file", csv.toString()));
    assertTrue(shortRow.err().contains("line 2: 2 cells, the header has 3"), shortRow.err());
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
