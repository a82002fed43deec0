package com.lucid.payment.integrity;

import com.google.protobuf.ByteString;
import com.lucid.payment.integrity.LyingNode.Lie;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.tron.trident.proto.Chain.BlockHeader;

/** The lies of the attacker and of honest but broken backends, as {@link Lie}s of a {@link LyingNode}. */
final class Lies {
  private static final HexFormat HEX = HexFormat.of();

  private Lies() {}

  /** The attack: one field of the solidified head changed, its timestamp, {@code aheadMs} later. */
  static Lie futureSolidTimestamp(long aheadMs) {
    return (path, request, truth, n, devnet) -> {
      if (!path.equals("/walletsolidity/getnowblock") || truth.isEmpty()) {
        return Future.succeededFuture(truth);
      }
      JsonObject block = truth.copy();
      JsonObject raw = block.getJsonObject("block_header").getJsonObject("raw_data");
      raw.put("timestamp", raw.getLong("timestamp") + aheadMs);
      return Future.succeededFuture(block);
    };
  }

  /** A smarter attacker: the solidified head dated later, its blockID recomputed so that the block holds together. */
  static Lie futureSolidTimestampRehashed(long aheadMs) {
    return (path, request, truth, n, devnet) -> {
      if (!path.equals("/walletsolidity/getnowblock") || truth.isEmpty()) {
        return Future.succeededFuture(truth);
      }
      JsonObject block = truth.copy();
      JsonObject raw = block.getJsonObject("block_header").getJsonObject("raw_data");
      raw.put("timestamp", raw.getLong("timestamp") + aheadMs);
      return Future.succeededFuture(block.put("blockID", blockId(raw)));
    };
  }

  /** Every other by-id look-up answers {}: a backend without the transaction-history index. */
  static Lie byIdIndexEveryOtherTime() {
    return (path, request, truth, n, devnet) -> Future.succeededFuture(
        byId(path) && n % 2 == 0 ? new JsonObject() : truth);
  }

  /** A node running without its transaction-history index: its chain is current, every look-up by id is {}. */
  static Lie noByIdIndex() {
    return (path, request, truth, n, devnet) -> Future.succeededFuture(byId(path) ? new JsonObject() : truth);
  }

  /** Every second answer comes from a backend {@code behind} blocks behind the chain. */
  static Lie laggingBackend(int behind) {
    return (path, request, truth, n, devnet) -> {
      if (n % 2 == 1) {
        return Future.succeededFuture(truth);
      }
      boolean solid = path.startsWith("/walletsolidity/");
      String prefix = solid ? "/walletsolidity/" : "/wallet/";
      if (path.endsWith("/getnowblock")) {
        return devnet.ask(prefix + "getblockbynum", new JsonObject()
            .put("num", truth.getJsonObject("block_header").getJsonObject("raw_data").getLong("number") - behind));
      }
      if (byId(path)) {
        return Future.succeededFuture(new JsonObject());
      }
      if (path.endsWith("/getblockbylimitnext") || path.endsWith("/getblockbynum")) {
        return devnet.ask(prefix + "getnowblock", new JsonObject()).map(now -> {
          long lagged = now.getJsonObject("block_header").getJsonObject("raw_data").getLong("number") - behind;
          if (path.endsWith("/getblockbynum")) {
            return request.getLong("num", 0L) > lagged ? new JsonObject() : truth;
          }
          JsonArray kept = new JsonArray();
          truth.getJsonArray("block", new JsonArray()).stream().map(b -> (JsonObject) b)
              .filter(b -> b.getJsonObject("block_header").getJsonObject("raw_data").getLong("number") <= lagged)
              .forEach(kept::add);
          return kept.isEmpty() ? new JsonObject() : new JsonObject().put("block", kept);
        });
      }
      return Future.succeededFuture(truth);
    };
  }

  /** Hides every transaction: by-id look-ups answer {}, blocks come without their transactions. */
  static Lie hideTransactions() {
    return (path, request, truth, n, devnet) -> {
      if (byId(path)) {
        return Future.succeededFuture(new JsonObject());
      }
      JsonObject told = truth.copy();
      told.remove("transactions");
      for (Object b : told.getJsonArray("block", new JsonArray())) {
        ((JsonObject) b).remove("transactions");
      }
      return Future.succeededFuture(told);
    };
  }

  /** Every other solidified head is the block {@code by} below it: block numbers going backwards. */
  static Lie blocksGoingBackwards(int by) {
    return (path, request, truth, n, devnet) -> path.equals("/walletsolidity/getnowblock") && n % 2 == 0
        ? devnet.ask("/walletsolidity/getblockbynum", new JsonObject()
            .put("num", truth.getJsonObject("block_header").getJsonObject("raw_data").getLong("number") - by))
        : Future.succeededFuture(truth);
  }

  /** The node is down: every request fails (HTTP 502). */
  static Lie down() {
    return (path, request, truth, n, devnet) -> Future.failedFuture("down");
  }

  private static boolean byId(String path) {
    return path.endsWith("/gettransactioninfobyid") || path.endsWith("/gettransactionbyid");
  }

  /** java-tron's block id: the number, then the header hash from its 9th byte. */
  static String blockId(JsonObject raw) {
    BlockHeader.raw header = BlockHeader.raw.newBuilder()
        .setNumber(raw.getLong("number"))
        .setTimestamp(raw.getLong("timestamp"))
        .setTxTrieRoot(ByteString.copyFrom(HEX.parseHex(raw.getString("txTrieRoot"))))
        .setParentHash(ByteString.copyFrom(HEX.parseHex(raw.getString("parentHash"))))
        .setWitnessAddress(ByteString.copyFrom(HEX.parseHex(raw.getString("witness_address"))))
        .setVersion(raw.getInteger("version", 0))
        .build();
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(header.toByteArray());
      return HEX.formatHex(ByteBuffer.allocate(32).putLong(header.getNumber()).put(hash, 8, 24).array());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
