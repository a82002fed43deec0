package com.lucid.payment.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.tron.trident.proto.Chain.Transaction;
import org.tron.trident.proto.Chain.Transaction.Contract.ContractType;
import org.tron.trident.proto.Contract.TriggerSmartContract;

/**
 * A devnet under test and a TRON client for it over real HTTP: WebClient calls, transactions
 * built with trident's protobuf classes and signed with its SECP256K1 keys.
 */
final class TestNode {
  static final HexFormat HEX = HexFormat.of();
  static final long TRX = 1_000_000;
  static final long USDT = 1_000_000;

  final Vertx vertx;
  final DevnetHandle devnet;
  final WebClient client;

  private TestNode(Vertx vertx, DevnetHandle devnet) {
    this.vertx = vertx;
    this.devnet = devnet;
    this.client = WebClient.create(vertx);
  }

  static TestNode start(Vertx vertx, DevnetOptions options) {
    return new TestNode(vertx, await(Devnet.start(vertx, options)));
  }

  /** Blocks only when a test asks (produceBlocks), so scenarios are deterministic. */
  static DevnetOptions manualBlocks() {
    return DevnetOptions.defaults().withBlockMs(3_600_000).withControl(true);
  }

  /** Fast timer-driven blocks. */
  static DevnetOptions fastBlocks() {
    return DevnetOptions.defaults().withBlockMs(50).withControl(true);
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer within 20 s", e);
    }
  }

  /** The URL of the path's API: the solidity port for /walletsolidity when it has its own. */
  String url(String path) {
    return (path.startsWith("/walletsolidity/") ? devnet.solidityUrl() : devnet.baseUrl()) + path;
  }

  HttpResponse<Buffer> postRaw(String path, Buffer body) {
    return await(client.postAbs(url(path)).sendBuffer(body));
  }

  /** POSTs JSON to a node endpoint; TRON answers HTTP 200 whatever happened. */
  JsonObject post(String path, JsonObject body) {
    HttpResponse<Buffer> response = await(client.postAbs(url(path))
        .sendJsonObject(body));
    assertEquals(200, response.statusCode(), () -> path + " → " + response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  JsonObject get(String pathAndQuery) {
    HttpResponse<Buffer> response = await(client.getAbs(url(pathAndQuery)).send());
    assertEquals(200, response.statusCode(), () -> pathAndQuery + " → " + response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  String usdtHex() {
    return "41" + HEX.formatHex(org.tron.trident.utils.Base58Check
        .base58ToBytes(devnet.usdtContract())).substring(2);
  }

  /** transfer(address,uint256) call data. */
  static byte[] transferData(String toHex, BigInteger amount) {
    return HEX.parseHex("a9059cbb" + word(toHex.substring(2)) + word(amount));
  }

  static String word(String evmHex) {
    return "0".repeat(64 - evmHex.length()) + evmHex;
  }

  static String word(BigInteger value) {
    String hex = value.toString(16);
    return "0".repeat(64 - hex.length()) + hex;
  }

  /** A signed USDT transfer built locally: TaPoS from the solidified block, expiry head + 60 s. */
  Transaction transfer(TestWallet from, String toHex, long amount, long feeLimit) {
    JsonObject solid = get("/walletsolidity/getnowblock");
    long headTime = headTime();
    return sign(transferRaw(from, toHex, amount, feeLimit, solid.getString("blockID"),
        headTime + 60_000), from);
  }

  Transaction.raw transferRaw(TestWallet from, String toHex, long amount, long feeLimit,
      String refBlockId, long expiration) {
    TriggerSmartContract call = TriggerSmartContract.newBuilder()
        .setOwnerAddress(ByteString.copyFrom(HEX.parseHex(from.hex())))
        .setContractAddress(ByteString.copyFrom(HEX.parseHex(usdtHex())))
        .setData(ByteString.copyFrom(transferData(toHex, BigInteger.valueOf(amount))))
        .build();
    return Transaction.raw.newBuilder()
        .setRefBlockBytes(ByteString.copyFrom(HEX.parseHex(refBlockId.substring(12, 16))))
        .setRefBlockHash(ByteString.copyFrom(HEX.parseHex(refBlockId.substring(16, 32))))
        .setExpiration(expiration)
        .addContract(Transaction.Contract.newBuilder().setType(ContractType.TriggerSmartContract)
            .setParameter(Any.pack(call)))
        .setTimestamp(System.currentTimeMillis())
        .setFeeLimit(feeLimit)
        .build();
  }

  static Transaction sign(Transaction.raw raw, TestWallet signer) {
    return Transaction.newBuilder().setRawData(raw)
        .addSignature(ByteString.copyFrom(signer.sign(sha256(raw.toByteArray())))).build();
  }

  static String txid(Transaction tx) {
    return HEX.formatHex(sha256(tx.getRawData().toByteArray()));
  }

  long headTime() {
    return get("/wallet/getnowblock").getJsonObject("block_header").getJsonObject("raw_data")
        .getLong("timestamp");
  }

  JsonObject broadcastHex(Transaction tx) {
    return post("/wallet/broadcasthex",
        new JsonObject().put("transaction", HEX.formatHex(tx.toByteArray())));
  }

  /** A node-built transaction (triggersmartcontract / freezebalancev2 JSON) signed and broadcast as JSON. */
  JsonObject signAndBroadcastJson(JsonObject unsigned, TestWallet signer) {
    byte[] txid = HEX.parseHex(unsigned.getString("txID"));
    JsonObject signed = unsigned.copy().put("signature", new JsonArray().add(signer.signHex(txid)));
    return post("/wallet/broadcasttransaction", signed);
  }

  /** A USDT transfer built by the node through /wallet/triggersmartcontract. */
  JsonObject triggerTransfer(TestWallet from, String toHex, long amount, long feeLimit) {
    JsonObject body = new JsonObject().put("owner_address", from.hex())
        .put("contract_address", usdtHex())
        .put("function_selector", "transfer(address,uint256)")
        .put("parameter", word(toHex.substring(2)) + word(BigInteger.valueOf(amount)))
        .put("fee_limit", feeLimit);
    JsonObject answer = post("/wallet/triggersmartcontract", body);
    assertEquals(new JsonObject().put("result", true), answer.getJsonObject("result"), answer::encode);
    return answer.getJsonObject("transaction");
  }

  JsonObject info(String txid, boolean solidity) {
    return post((solidity ? "/walletsolidity" : "/wallet") + "/gettransactioninfobyid",
        new JsonObject().put("value", txid));
  }

  /** Polls until `done` holds, for scenarios driven by the block timer. */
  JsonObject pollUntil(String path, JsonObject body, Predicate<JsonObject> done) {
    long deadline = System.currentTimeMillis() + 15_000;
    while (true) {
      JsonObject answer = post(path, body);
      if (done.test(answer)) {
        return answer;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("still not there: " + path + " " + answer.encode());
      }
      await(vertx.timer(25));
    }
  }

  /** Includes what the pool holds, then solidifies it. */
  void includeAndSolidify() {
    devnet.produceBlocks(1 + DevnetOptions.DEFAULT_SOLIDIFICATION_DEPTH);
  }

  long usdtOf(String base58) {
    return devnet.balance(base58).usdtUnits();
  }

  long trxOf(String base58) {
    return devnet.balance(base58).trxSun();
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String utf8Hex(String text) {
    return HEX.formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
