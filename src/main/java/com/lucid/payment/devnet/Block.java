package com.lucid.payment.devnet;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.tron.trident.proto.Chain.BlockHeader;

/** A produced block: its signed header, id (8-byte number then 24 bytes of the header hash), transactions. */
record Block(BlockHeader header, byte[] id, List<ChainTx> transactions) {

  Block {
    id = id.clone();
    transactions = List.copyOf(transactions);
  }

  long number() {
    return header.getRawData().getNumber();
  }

  long timestamp() {
    return header.getRawData().getTimestamp();
  }

  String idHex() {
    return HexFormat.of().formatHex(id);
  }

  @Override
  public byte[] id() {
    return id.clone();
  }

  /** The 8 bytes transactions quote in ref_block_hash. */
  byte[] tapos() {
    return Arrays.copyOfRange(id, 8, 16);
  }

  /** The 2 bytes transactions quote in ref_block_bytes. */
  byte[] taposKey() {
    long number = number();
    return new byte[] {(byte) (number >>> 8), (byte) number};
  }
}
