package com.lucid.payment.e2e;

import com.lucid.payment.api.Usdt;
import com.lucid.payment.devnet.Devnet;
import com.lucid.payment.devnet.DevnetHandle;
import com.lucid.payment.devnet.DevnetOptions;
import com.lucid.payment.testing.TestService;
import com.lucid.payment.tron.HotWalletKeyFile;
import com.lucid.payment.tron.chain.HotWallet;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * An operator's own node: a devnet laid out as java-tron lays itself out (the solidity API on a port of its own),
 * funded for the hot wallet the service in {@code dir} will use, and that service's environment pointing at it.
 */
final class OperatorNode implements AutoCloseable {
  static final long TRX = 1_000_000L;

  final Vertx vertx = Vertx.vertx();
  final DevnetHandle devnet;
  final HotWallet wallet;
  private final WebClient web = WebClient.create(vertx);

  private OperatorNode(Path dir, long usdtUnits, UnaryOperator<DevnetOptions> options) throws Exception {
    wallet = HotWalletKeyFile.load(dir.resolve("devnet-hot-wallet.key"), true);
    devnet = Devnet.start(vertx, options.apply(DevnetOptions.defaults().withHost("127.0.0.1").withPort(0)
            .withSolidityPort(0).withBlockMs(50).withControl(true))
        .withFunded(wallet.address().base58(), 100_000 * TRX, usdtUnits)).await(30, TimeUnit.SECONDS);
  }

  static OperatorNode start(Path dir, String usdt, UnaryOperator<DevnetOptions> options) throws Exception {
    return new OperatorNode(dir, Usdt.parse(usdt), options);
  }

  /** TRON_NODE_URL as an operator of a java-tron node writes it: its full-node URL, then its solidity URL. */
  String nodeUrl() {
    return devnet.baseUrl() + "|" + devnet.solidityUrl();
  }

  /** The test service's fast environment, on this node. */
  Map<String, String> env(Path dir) {
    Map<String, String> env = TestService.fastEnv(dir);
    env.put("TRON_NODE_URL", nodeUrl());
    return env;
  }

  /** POSTs to the node as any client would, the /walletsolidity paths to its solidity port. */
  JsonObject post(String path, JsonObject body) throws Exception {
    String base = path.startsWith("/walletsolidity/") ? devnet.solidityUrl() : devnet.baseUrl();
    return web.postAbs(base + path).sendBuffer(Buffer.buffer(body.encode())).await(10, TimeUnit.SECONDS)
        .bodyAsJsonObject();
  }

  /** The fee_limit the transaction was signed with, as the node holds it. */
  long feeLimitOf(String txid) throws Exception {
    return post("/walletsolidity/gettransactionbyid", new JsonObject().put("value", txid))
        .getJsonObject("raw_data").getLong("fee_limit");
  }

  @Override
  public void close() throws Exception {
    web.close();
    devnet.close().await(30, TimeUnit.SECONDS);
    vertx.close().await(30, TimeUnit.SECONDS);
  }
}
