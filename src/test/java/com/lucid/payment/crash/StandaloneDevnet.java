package com.lucid.payment.crash;

import com.lucid.payment.devnet.FaultType;
import com.lucid.payment.devnet.UsdtTransfer;
import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.ServiceProcess;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The devnet as its own process ({@code Main devnet --control}), outliving every service it serves, with the parts
 * of its control API the crash tests use: broadcast faults and the journal of USDT transfers.
 */
final class StandaloneDevnet implements AutoCloseable {
  private static final String API_LINE = "Devnet HTTP API:";
  private static final String CONTROL = "/devnet/control";

  private final ServiceProcess process;
  private final String url;
  private final JsonHttp http = new JsonHttp();

  private StandaloneDevnet(ServiceProcess process, String url) {
    this.process = process;
    this.url = url;
  }

  /** The chain as the journal shows it: every USDT transfer included so far and the current balances. */
  record Journal(long headBlock, List<UsdtTransfer> transfers, Map<String, Long> usdtUnits) {}

  /** Starts a devnet on a free port that funds {@code fund} ("ADDRESS:TRX:USDT") at genesis. */
  static StandaloneDevnet start(Path dir, long blockMs, String fund) throws Exception {
    ServiceProcess process = ServiceProcess.start(dir, Map.of(), "com.lucid.payment.app.Main", "devnet",
        "--port", "0", "--block-ms", Long.toString(blockMs), "--control", "--fund", fund);
    Optional<String> line = Await.atMost(Duration.ofSeconds(60),
        () -> process.lines().stream().filter(l -> l.startsWith(API_LINE)).findFirst(), Optional::isPresent)
        .flatMap(found -> found);
    if (line.isPresent()) {
      return new StandaloneDevnet(process, line.get().substring(API_LINE.length()).strip());
    }
    process.close();
    throw new AssertionError("the devnet did not start; output:\n" + process.output());
  }

  /** The node URL for TRON_NODE_URL. */
  String url() {
    return url;
  }

  /** The next {@code times} broadcasts are processed and answered only after {@code delayMs}. */
  void delayBroadcasts(long delayMs, int times) throws Exception {
    inject(new JsonObject().put("type", FaultType.DELAY_BROADCAST.name()).put("delay_ms", delayMs)
        .put("times", times));
  }

  /** The next {@code times} broadcasts are never answered and never reach the pool. */
  void swallowBroadcasts(int times) throws Exception {
    inject(new JsonObject().put("type", FaultType.TIMEOUT.name()).put("path", "/wallet/broadcast")
        .put("delay_ms", 0).put("times", times));
  }

  private void inject(JsonObject fault) throws Exception {
    http.ok("POST", url + CONTROL + "/faults", fault);
  }

  void clearFaults() throws Exception {
    http.ok("DELETE", url + CONTROL + "/faults", null);
  }

  Journal journal() throws Exception {
    JsonObject j = http.ok("GET", url + CONTROL + "/journal", null);
    List<UsdtTransfer> transfers = j.getJsonArray("transfers").stream().map(o -> (JsonObject) o)
        .map(t -> new UsdtTransfer(t.getString("txid"), t.getString("from"), t.getString("to"), t.getLong("amount"),
            t.getLong("block")))
        .toList();
    Map<String, Long> usdt = new HashMap<>();
    j.getJsonArray("balances").stream().map(o -> (JsonObject) o)
        .forEach(b -> usdt.put(b.getString("address"), b.getLong("usdt_units")));
    return new Journal(j.getLong("head_block"), transfers, usdt);
  }

  /** Waits until the head is {@code blocks} past where it is now: time for whatever is pooled to land or expire. */
  void awaitBlocks(int blocks) throws Exception {
    long target = journal().headBlock() + blocks;
    Await.until("the devnet's head to reach block " + target, Duration.ofSeconds(120), () -> journal().headBlock(),
        head -> head >= target);
  }

  @Override
  public void close() throws InterruptedException {
    process.terminate(30);
  }
}
