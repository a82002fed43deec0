package com.lucid.payment.devnet;

import com.google.protobuf.InvalidProtocolBufferException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HexFormat;
import org.tron.trident.proto.Chain.Transaction;

/** broadcasttransaction, broadcasthex, gettransactionbyid, gettransactioninfobyid. */
final class TransactionApi {
  private final Devnet devnet;

  TransactionApi(Devnet devnet) {
    this.devnet = devnet;
  }

  void mount(Routes.Apis apis) {
    Routes.walletAsync(apis, "broadcasttransaction", (ctx, solidity) -> broadcastJson(ctx));
    Routes.walletAsync(apis, "broadcasthex", (ctx, solidity) -> broadcastHex(ctx));
    Routes.withSolidityTwin(apis, "gettransactionbyid", this::transaction);
    Routes.withSolidityTwin(apis, "gettransactioninfobyid", this::info);
  }

  /** The transaction rebuilt from raw_data (raw_data_hex and txID ignored, as a node does). */
  private Future<JsonObject> broadcastJson(RoutingContext ctx) {
    NodeRequest request = NodeRequest.of(ctx);
    boolean visible = request.visible();
    Transaction tx = TransactionJson.parse(request.params(), visible);
    // protobuf JSON as java-tron prints it: result only when true, code and message only when set
    return devnet.broadcast(ctx.request().path(), tx).map(result -> {
      JsonObject json = result.ok() ? new JsonObject().put("result", true)
          : new JsonObject().put("code", result.code().name());
      json.put("txid", result.txid());
      return result.ok() ? json : json.put("message", ChainJson.text(result.message(), visible));
    });
  }

  /**
   * {"transaction": hex of the whole signed protobuf}: exactly the bytes that were signed. java-tron
   * answers with a JSON object it builds itself: result (even false), code, txid, message in UTF-8,
   * and the transaction echoed as a JSON string.
   */
  private Future<JsonObject> broadcastHex(RoutingContext ctx) {
    String hex = NodeRequest.of(ctx).string("transaction");
    if (hex == null) {
      throw new InvalidInput("class java.lang.NullPointerException : null");
    }
    Transaction tx;
    try {
      tx = Transaction.parseFrom(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw InvalidInput.hexDecoder();
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidInput("class com.google.protobuf.InvalidProtocolBufferException : "
          + e.getMessage());
    }
    return devnet.broadcast(ctx.request().path(), tx).map(result -> new JsonObject()
        .put("result", result.ok()).put("code", result.code().name()).put("txid", result.txid())
        .put("message", result.message()).put("transaction", TransactionJson.echo(tx)));
  }

  /** On /wallet, like java-tron, also a transaction still in the pool, as the pending state ran it. */
  private JsonObject transaction(RoutingContext ctx, boolean solidity) {
    NodeRequest request = NodeRequest.of(ctx);
    String txid = txid(request);
    ChainTx tx = devnet.chain().transaction(txid, solidity);
    if (tx == null && !solidity) {
      tx = devnet.chain().pendingTransaction(txid);
    }
    return tx == null ? new JsonObject()
        : TransactionJson.stored(tx.transaction(), request.visible());
  }

  /** {} until included ({} on the solidity twin until solidified); a lying fault may say SUCCESS. */
  private JsonObject info(RoutingContext ctx, boolean solidity) {
    NodeRequest request = NodeRequest.of(ctx);
    String txid = txid(request);
    ChainTx tx = devnet.chain().transaction(txid, solidity);
    JsonObject json = tx == null ? new JsonObject() : ChainJson.info(tx.info(), request.visible());
    boolean lie = devnet.faultBook().take(ctx.request().path(), FaultType.LIE_TX_INFO) != null;
    return lie ? claimSuccess(txid, json) : json;
  }

  private JsonObject claimSuccess(String txid, JsonObject truth) {
    if (truth.isEmpty()) {
      Block head = devnet.chain().headBlock();
      return new JsonObject().put("id", txid).put("blockNumber", head.number())
          .put("blockTimeStamp", head.timestamp())
          .put("contractResult", new JsonArray().add(HexFormat.of().formatHex(Abi.uint256(1))))
          .put("receipt", new JsonObject().put("result", "SUCCESS"));
    }
    truth.remove("result");
    truth.remove("resMessage");
    truth.getJsonObject("receipt").put("result", "SUCCESS");
    return truth;
  }

  private static String txid(NodeRequest request) {
    return HexFormat.of().formatHex(request.hex("value").toByteArray());
  }
}
