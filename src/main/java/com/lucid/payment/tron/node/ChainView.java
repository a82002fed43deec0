package com.lucid.payment.tron.node;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * What one node has told us of its chain, and whether its next answer is consistent with it: the solidified head
 * never goes back or changes its id, the head never falls below a solidified block it showed, timestamps rise with
 * block numbers by at least the chain's block interval per block, and no block is dated after this host's clock plus
 * the allowed skew. A node that breaks one of these is not believed for that answer, and the answer is not
 * remembered. Confined to the TRON client's event loop.
 */
final class ChainView {
  private final long minBlockIntervalMs;
  private final long skewMs;
  private final LongSupplier clock;
  private BlockRef solid;
  private BlockRef highest;

  ChainView(long minBlockIntervalMs, long skewMs, LongSupplier clock) {
    this.minBlockIntervalMs = minBlockIntervalMs;
    this.skewMs = skewMs;
    this.clock = clock;
  }

  /** The highest solidified block believed of this node, or -1. */
  long solidNumber() {
    return solid == null ? -1 : solid.number();
  }

  /** Why this solidified head cannot be believed, or empty (then it is remembered). */
  Optional<String> solid(BlockRef block) {
    Optional<String> why = common(block);
    if (why.isEmpty() && solid != null && block.number() == solid.number() && !block.blockId().equals(solid.blockId())) {
      why = Optional.of("it named two different solidified blocks " + block.number());
    }
    if (why.isEmpty() && solid != null && block.number() < solid.number()) {
      why = Optional.of("its solidified block went back from " + solid.number() + " to " + block.number());
    }
    if (why.isEmpty()) {
      solid = block;
      highest = higher(highest, block);
    }
    return why;
  }

  /** Why this head cannot be believed, or empty (then it is remembered). */
  Optional<String> head(BlockRef block) {
    Optional<String> why = common(block);
    if (why.isEmpty() && solid != null && block.number() < solid.number()) {
      why = Optional.of("its head block " + block.number() + " is below its solidified block " + solid.number());
    }
    if (why.isEmpty()) {
      highest = higher(highest, block);
    }
    return why;
  }

  private Optional<String> common(BlockRef block) {
    long limit = clock.getAsLong() + skewMs;
    if (block.timestampMs() > limit) {
      return Optional.of("block " + block.number() + " is dated " + (block.timestampMs() - limit)
          + " ms past this host's clock and the allowed skew");
    }
    return paced(solid, block).or(() -> paced(highest, block));
  }

  /** Two blocks of one chain: the higher number has the later time, at least one block interval per block. */
  private Optional<String> paced(BlockRef known, BlockRef block) {
    if (known == null || known.number() == block.number()) {
      return Optional.empty();
    }
    BlockRef low = known.number() < block.number() ? known : block;
    BlockRef high = low == known ? block : known;
    long needed = saturatedTimes(high.number() - low.number(), minBlockIntervalMs);
    return high.timestampMs() - low.timestampMs() >= needed ? Optional.empty()
        : Optional.of("blocks " + low.number() + " and " + high.number() + " are "
            + (high.timestampMs() - low.timestampMs()) + " ms apart, out of step with the chain's block interval");
  }

  private static long saturatedTimes(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return hi == 0 && lo >= 0 ? lo : Long.MAX_VALUE;
  }

  private static BlockRef higher(BlockRef a, BlockRef b) {
    return a == null || b.number() > a.number() ? b : a;
  }
}
