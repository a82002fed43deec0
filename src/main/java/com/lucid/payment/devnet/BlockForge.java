package com.lucid.payment.devnet;

import com.google.protobuf.ByteString;
import com.lucid.payment.tron.chain.SigningKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.tron.trident.proto.Chain.BlockHeader;

/** Builds and signs blocks as the devnet's single witness. */
final class BlockForge {
  /** java-tron's current block version. */
  static final int BLOCK_VERSION = 32;

  private final SigningKey witness = SigningKey.fromPrivateKeyHex(HexFormat.of()
      .formatHex(Digests.sha256("lucid-devnet:witness".getBytes(StandardCharsets.US_ASCII))));
  private final TronAddress witnessAddress = TronAddress.of(witness.address().bytes());

  Block genesis(long timestamp) {
    return forge(0, new byte[32], timestamp, List.of());
  }

  Block next(Block parent, long timestamp, List<ChainTx> transactions) {
    return forge(parent.number() + 1, parent.id(), timestamp, transactions);
  }

  private Block forge(long number, byte[] parentId, long timestamp, List<ChainTx> transactions) {
    BlockHeader.raw raw = BlockHeader.raw.newBuilder()
        .setTimestamp(timestamp)
        .setTxTrieRoot(ByteString.copyFrom(txTrieRoot(transactions)))
        .setParentHash(ByteString.copyFrom(parentId))
        .setNumber(number)
        .setWitnessAddress(witnessAddress.byteString())
        .setVersion(BLOCK_VERSION)
        .build();
    byte[] hash = Digests.sha256(raw.toByteArray());
    byte[] id = ByteBuffer.allocate(32).putLong(number).put(hash, 8, 24).array();
    BlockHeader header = BlockHeader.newBuilder()
        .setRawData(raw)
        .setWitnessSignature(ByteString.copyFrom(witness.sign(hash)))
        .build();
    return new Block(header, id, transactions);
  }

  /** Merkle root of the transactions' sha256 (all zeros for an empty block), as java-tron builds it. */
  static byte[] txTrieRoot(List<ChainTx> transactions) {
    if (transactions.isEmpty()) {
      return new byte[32];
    }
    List<byte[]> level = new ArrayList<>();
    transactions.forEach(tx -> level.add(Digests.sha256(tx.transaction().toByteArray())));
    while (level.size() > 1) {
      List<byte[]> up = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        if (i + 1 == level.size()) {
          up.add(level.get(i));
        } else {
          byte[] pair = ByteBuffer.allocate(64).put(level.get(i)).put(level.get(i + 1)).array();
          up.add(Digests.sha256(pair));
        }
      }
      level.clear();
      level.addAll(up);
    }
    return level.get(0);
  }
}
