package com.lucid.payment.devnet;

import com.google.protobuf.InvalidProtocolBufferException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HexFormat;
import org.tron.trident.proto.Chain.Transaction;

/** broadcasttransaction, broadcasthex, gettransactionbyid, gettransactioninfobyid. */
final class TransactionApi {
  private final Devnet devnet;

  TransactionApi(Devnet devnet) {
    this.devnet = devnet;
  }

  void mount(Router router) {
    Routes.walletAsync(router, "broadcasttransaction", (ctx, solidity) -> broadcastJson(ctx));
    Routes.walletAsync(router, "broadcasthex", (ctx, solidity) -> broadcastHex(ctx));
    Routes.withSolidityTwin(router, "gettransactionbyid", this::transaction);
    Routes.withSolidityTwin(router, "gettransactioninfobyid", this::info);
  }

  /** The transaction rebuilt from raw_data (raw_data_hex and txID ignored, as a node does). */
  private Future<JsonObject> broadcastJson(RoutingContext ctx) {
    NodeRequest request = NodeRequest.of(ctx);
    boolean visible = request.visible();
    Transaction tx = TransactionJson.parse(request.params(), visible);
    return devnet.broadcast(ctx.request().path(), tx).map(result -> {
      JsonObject json = new JsonObject().put("result", result.ok());
      if (!result.ok()) {
        json.put("code", result.code().name())
            .put("message", ChainJson.text(result.message(), visible));
      }
      return json.put("txid", result.txid());
    });
  }

  /** {"transaction": hex of the whole signed protobuf}: exactly the bytes that were signed. */
  private Future<JsonObject> broadcastHex(RoutingContext ctx) {
    String hex = NodeRequest.of(ctx).string("transaction");
    if (hex == null) {
      throw new InvalidInput("class java.lang.NullPointerException : null");
    }
    Transaction tx;
    try {
      tx = Transaction.parseFrom(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("class org.apache.commons.codec.DecoderException : " + e.getMessage());
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidInput("class com.google.protobuf.InvalidProtocolBufferException : "
          + e.getMessage());
    }
    return devnet.broadcast(ctx.request().path(), tx).map(result -> new JsonObject()
        .put("result", result.ok()).put("code", result.code().name())
        .put("message", result.message())
        .put("transaction", TransactionJson.render(tx, true).encode())
        .put("txid", result.txid()));
  }

  private JsonObject transaction(RoutingContext ctx, boolean solidity) {
    NodeRequest request = NodeRequest.of(ctx);
    ChainTx tx = devnet.chain().transaction(txid(request), solidity);
    return tx == null ? new JsonObject()
        : TransactionJson.render(tx.transaction(), request.visible());
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
    String value = request.string("value");
    if (value == null) {
      return "";
    }
    return HexFormat.of().formatHex(Fields.hex(value).toByteArray());
  }
}
