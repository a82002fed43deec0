package com.lucid.payment.tron.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tron.trident.proto.Chain;

/**
 * A block as a node printed it, checked against itself: its id is its number and the hash of its header, each
 * transaction's id is the hash of its raw data, and the header's txTrieRoot is the Merkle root of exactly the listed
 * transactions (java-tron: sha256 of each signed transaction with its results, paired upwards, an odd one carried up).
 * A node that drops, renames or adds a transaction, or edits a header field, fails here unless it forges the header
 * too, and then the next block's parentHash no longer names it. Checked against java-tron v4.8.0's own answers.
 *
 * @param results each transaction's contractRet ("SUCCESS", "REVERT", ...), by txid, in block order
 */
public record VerifiedBlock(long number, String id, String parentId, long timestampMs, Map<String, String> results) {

  public VerifiedBlock {
    results = Map.copyOf(results);
  }

  public boolean contains(String txid) {
    return results.containsKey(txid.toLowerCase(java.util.Locale.ROOT));
  }

  /** The 8 bytes of the id a transaction quotes as ref_block_hash. */
  public String taposHash() {
    return id.substring(16, 32);
  }

  /**
   * Parses and checks one block of getnowblock, getblockbynum or getblockbylimitnext.
   *
   * @throws ChainDataException when the block does not hold together, or cannot be checked
   */
  public static VerifiedBlock parse(JsonObject block) {
    Header header = header(block);
    Map<String, String> results = new LinkedHashMap<>();
    List<byte[]> leaves = new ArrayList<>();
    for (Object o : block.getJsonArray("transactions", new JsonArray())) {
      if (!(o instanceof JsonObject tx)) {
        throw new ChainDataException("block " + header.number() + ": a transaction is not an object");
      }
      leaves.add(Hashes.sha256(signedBytes(tx, header.number(), results)));
    }
    if (!Arrays.equals(merkleRoot(leaves), header.txTrieRoot())) {
      throw new ChainDataException("block " + header.number() + ": its transactions do not match its txTrieRoot");
    }
    return new VerifiedBlock(header.number(), header.id(), header.parentId(), header.timestampMs(), results);
  }

  /** A block header whose id was checked against its fields (its transactions unchecked). */
  public record Header(long number, String id, String parentId, long timestampMs, byte[] txTrieRoot) {}

  /**
   * Checks only the header: cheap, and never refused for a transaction shape this code does not know.
   *
   * @throws ChainDataException when the blockID is not the header's number and hash
   */
  public static Header header(JsonObject block) {
    String id = block.getString("blockID");
    JsonObject header = block.getJsonObject("block_header");
    JsonObject raw = header == null ? null : header.getJsonObject("raw_data");
    if (!Hex.isHex(id, 64) || raw == null) {
      throw new ChainDataException("the block lacks blockID or block_header.raw_data");
    }
    Chain.BlockHeader.raw headerRaw = ProtoJson.fill(Chain.BlockHeader.raw.newBuilder(), raw, "block header").build();
    long number = headerRaw.getNumber();
    byte[] hash = Hashes.sha256(headerRaw.toByteArray());
    byte[] expected = ByteBuffer.allocate(32).putLong(number).put(hash, 8, 24).array();
    if (!Arrays.equals(expected, Hex.decode(id)) || headerRaw.getTimestamp() <= 0) {
      throw new ChainDataException("block " + number + ": its blockID is not its number and header hash");
    }
    return new Header(number, id.toLowerCase(java.util.Locale.ROOT), Hex.encode(headerRaw.getParentHash().toByteArray()),
        headerRaw.getTimestamp(), headerRaw.getTxTrieRoot().toByteArray());
  }

  /** The signed transaction's protobuf bytes (raw_data, signatures, results), recording its id and result. */
  private static byte[] signedBytes(JsonObject tx, long number, Map<String, String> results) {
    String rawHex = tx.getString("raw_data_hex");
    String txid = tx.getString("txID");
    if (rawHex == null || !Hex.isHex(txid, 64)) {
      throw new ChainDataException("block " + number + ": a transaction lacks txID or raw_data_hex");
    }
    byte[] rawBytes = Hex.decode(rawHex);
    if (!Arrays.equals(Hashes.sha256(rawBytes), Hex.decode(txid))) {
      throw new ChainDataException("block " + number + ": a transaction's txID is not the hash of its raw data");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawBytes.length + 160);
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    String result = "";
    try {
      out.writeBytes(1, ByteString.copyFrom(rawBytes));
      for (Object signature : tx.getJsonArray("signature", new JsonArray())) {
        out.writeBytes(2, ByteString.copyFrom(Hex.decode(String.valueOf(signature))));
      }
      for (Object ret : tx.getJsonArray("ret", new JsonArray())) {
        if (!(ret instanceof JsonObject r)) {
          throw new ChainDataException("block " + number + ": a transaction result is not an object");
        }
        Chain.Transaction.Result parsed = ProtoJson.fill(Chain.Transaction.Result.newBuilder(), r,
            "transaction result").build();
        out.writeMessage(5, parsed);
        result = parsed.getContractRet().name();
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new ChainDataException("block " + number + ": a transaction signature is not hex");
    }
    results.put(txid.toLowerCase(java.util.Locale.ROOT), result);
    return bytes.toByteArray();
  }

  private static byte[] merkleRoot(List<byte[]> leaves) {
    if (leaves.isEmpty()) {
      return new byte[32];
    }
    List<byte[]> level = leaves;
    while (level.size() > 1) {
      List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i < level.size(); i += 2) {
        up.add(i + 1 == level.size() ? level.get(i)
            : Hashes.sha256(ByteBuffer.allocate(64).put(level.get(i)).put(level.get(i + 1)).array()));
      }
      level = up;
    }
    return level.get(0);
  }
}
