package com.lucid.payment.tron.node;

import com.lucid.payment.tron.chain.ChainDataException;
import com.lucid.payment.tron.chain.Hex;
import io.vertx.core.json.JsonObject;

/**
 * A block as getnowblock describes it, and the node that said so.
 *
 * @param blockId 64 hex; its first 8 bytes are the block number
 * @param node index of the node that answered
 */
public record BlockRef(long number, String blockId, long timestampMs, int node) {

  /** Reads a getnowblock answer; the id must carry the header's number, or the node is not telling the truth. */
  static BlockRef parse(NodeAnswer answer) {
    JsonObject block = answer.body();
    String id = block.getString("blockID");
    JsonObject raw = block.getJsonObject("block_header", new JsonObject()).getJsonObject("raw_data");
    if (!Hex.isHex(id, 64) || raw == null) {
      throw new ChainDataException("getnowblock answer lacks blockID or block_header.raw_data");
    }
    long number = raw.getLong("number", 0L);
    long timestamp = raw.getLong("timestamp", 0L);
    if (Long.parseUnsignedLong(id.substring(0, 16), 16) != number || timestamp <= 0) {
      throw new ChainDataException("getnowblock answer: blockID does not carry the block number, or no timestamp");
    }
    return new BlockRef(number, id.toLowerCase(java.util.Locale.ROOT), timestamp, answer.node());
  }
}
