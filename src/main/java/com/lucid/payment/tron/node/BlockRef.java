package com.lucid.payment.tron.node;

import com.lucid.payment.tron.chain.VerifiedBlock;

/**
 * A block as getnowblock describes it, and the node that said so.
 *
 * @param blockId 64 hex; its first 8 bytes are the block number, the rest the header's hash
 * @param node index of the node that answered
 */
public record BlockRef(long number, String blockId, long timestampMs, int node) {

  /** Reads a getnowblock answer whose id must be its header's number and hash, or the node is not telling the truth. */
  static BlockRef parse(NodeAnswer answer) {
    VerifiedBlock.Header header = VerifiedBlock.header(answer.body());
    return new BlockRef(header.number(), header.id(), header.timestampMs(), answer.node());
  }
}
