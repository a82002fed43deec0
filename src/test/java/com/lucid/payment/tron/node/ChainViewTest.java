package com.lucid.payment.tron.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The consistency rules a node's answers must keep, at TRON's 3 s blocks and a 30 s skew. */
class ChainViewTest {
  private static final long T0 = 1_800_000_000_000L;
  private final AtomicLong now = new AtomicLong(T0 + 100 * 3_000);
  private final ChainView view = new ChainView(3_000, 30_000, now::get);

  private static BlockRef block(long number, long timestamp) {
    return new BlockRef(number, String.format("%016x", number) + "ab".repeat(24), timestamp, 0);
  }

  private static BlockRef at(long number) {
    return block(number, T0 + number * 3_000);
  }

  @Test
  void aChainMovingAtItsPaceIsBelieved() {
    assertEquals(Optional.empty(), view.solid(at(80)));
    assertEquals(Optional.empty(), view.head(at(99)));
    assertEquals(Optional.empty(), view.solid(at(81)));
    assertEquals(Optional.empty(), view.head(at(100)));
  }

  @Test
  void aSolidifiedBlockGoingBackIsNotBelievedNorRemembered() {
    view.solid(at(80));
    assertTrue(view.solid(at(75)).orElseThrow().contains("went back"));
    assertEquals(Optional.empty(), view.solid(at(80)));
  }

  @Test
  void aHeadBelowASolidifiedBlockIsNotBelieved() {
    view.solid(at(80));
    assertTrue(view.head(at(40)).orElseThrow().contains("below"));
  }

  @Test
  void aBlockDatedAfterThisHostsClockAndTheSkewIsNotBelieved() {
    assertTrue(view.solid(block(81, now.get() + 3_600_000)).orElseThrow().contains("past this host's clock"));
    assertEquals(Optional.empty(), view.solid(block(81, now.get() + 29_000)));
  }

  @Test
  void timestampsFasterThanTheBlockIntervalAreNotBelieved() {
    view.solid(at(80));
    assertTrue(view.head(block(90, T0 + 80 * 3_000 + 5_000)).orElseThrow().contains("out of step"));
  }

  @Test
  void twoDifferentSolidifiedBlocksOfOneNumberAreNotBelieved() {
    view.solid(at(80));
    BlockRef other = new BlockRef(80, String.format("%016x", 80) + "cd".repeat(24), T0 + 80 * 3_000, 0);
    assertTrue(view.solid(other).orElseThrow().contains("two different"));
  }
}
