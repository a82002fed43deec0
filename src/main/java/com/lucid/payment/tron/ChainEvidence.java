package com.lucid.payment.tron;

import com.lucid.payment.tron.chain.ChainDataException;
import com.lucid.payment.tron.chain.VerifiedBlock;
import com.lucid.payment.tron.node.BlockRef;
import com.lucid.payment.tron.node.FullNode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Evidence about a signed transaction that no single node answer can fake. {@link #expired} proves that it can never
 * land: this host's clock is past its expiration by the allowed skew; and every configured node, each consistent with what it said before, shows a
 * solidified chain past the expiration whose blocks, read one by one from the transaction's reference block (whose id
 * must be the one it was signed against) to the first block after the first one dated at or past the expiration,
 * link up by parentHash, rise in time at the chain's pace, each hold together ({@link VerifiedBlock}), and none of
 * which holds the txid. Blocks always carry their transactions; a node's by-id index may not. A node that cannot
 * answer, lags, or contradicts itself leaves the question open: the attempt then waits. {@link #inBlock} checks that
 * every node's solidified block holds it with the result one node reported.
 */
final class ChainEvidence {
  /** A proof reads at most this many blocks per node (the expiration window is at most an hour of 3 s blocks). */
  static final long MAX_BLOCKS = 1_500;

  private final FullNode node;
  private final LongSupplier clock;

  ChainEvidence(FullNode node, LongSupplier clock) {
    this.node = node;
    this.clock = clock;
  }

  /** What the proof found. */
  sealed interface Verdict {
    /**
     * Every node shows, consistently, that it can never land.
     *
     * @param solidTimestampMs the earliest of the nodes' solidified heads that showed it
     */
    record Dead(long solidTimestampMs) implements Verdict {}

    /** A node shows it in a solidified block (checked against itself). */
    record OnChain(long block, String result) implements Verdict {}

    /** Not proven either way yet. */
    record Open(String why) implements Verdict {}
  }

  /**
   * @param refHash the 16 hex digits of ref_block_hash the transaction was signed with
   */
  record Suspect(String txid, long expirationMs, long refBlockNumber, String refHash) {}

  Future<Verdict> expired(Suspect suspect) {
    long now = clock.getAsLong();
    long notBefore = suspect.expirationMs() + node.rules().clockSkewMs();
    if (now < notBefore) {
      return Future.succeededFuture(new Verdict.Open("this host's clock is not yet past the expiration and the skew"));
    }
    return everyNode(n -> onNode(n, suspect)).map(verdicts -> {
      for (Verdict v : verdicts) {
        if (v instanceof Verdict.OnChain) {
          return v;
        }
      }
      if (!verdicts.stream().allMatch(v -> v instanceof Verdict.Dead)) {
        return openOf(verdicts);
      }
      return new Verdict.Dead(verdicts.stream().mapToLong(v -> ((Verdict.Dead) v).solidTimestampMs()).min()
          .orElseThrow());
    });
  }

  /** OnChain when every node's solidified block {@code block} holds the txid with {@code result}; else Open. */
  Future<Verdict> inBlock(String txid, long block, String result) {
    return everyNode(n -> node.solidBlock(n, block).compose(found -> {
      if (found.isEmpty()) {
        return open(n, "it has no solidified block " + block);
      }
      String seen = found.get().results().get(txid.toLowerCase(Locale.ROOT));
      return result.equals(seen) ? Future.succeededFuture(new Verdict.OnChain(block, result))
          : open(n, "its block " + block + " does not hold the transaction with result " + result);
    })).map(verdicts -> verdicts.stream().allMatch(v -> v instanceof Verdict.OnChain)
        ? new Verdict.OnChain(block, result) : openOf(verdicts));
  }

  private static Verdict openOf(List<Verdict> verdicts) {
    return new Verdict.Open(String.join("; ", verdicts.stream().filter(v -> v instanceof Verdict.Open)
        .map(v -> ((Verdict.Open) v).why()).toList()));
  }

  /** Each node's verdict; a node whose blocks contradict themselves is counted against its breaker. */
  private Future<List<Verdict>> everyNode(IntFunction<Future<Verdict>> ask) {
    List<Future<Verdict>> perNode = new ArrayList<>();
    for (int i = 0; i < node.nodeCount(); i++) {
      int n = i;
      perNode.add(ask.apply(n).recover(err -> {
        if (err instanceof ChainDataException lie && !(lie instanceof ChainDataException.Uncheckable)
            && !(lie instanceof ChainDataException.Disbelieved)) {
          return distrusted(n, err.getMessage());
        }
        return open(n, err.getMessage());
      }));
    }
    return Future.all(perNode).map(all -> perNode.stream().map(Future::result).toList());
  }

  private Future<Verdict> onNode(int n, Suspect suspect) {
    Future<BlockRef> solid = node.solidBlockOf(n);
    Future<BlockRef> head = node.headBlockOf(n);
    return Future.all(solid, head).compose(both -> {
      if (solid.result().number() > head.result().number()) {
        return open(n, "its solidified block " + solid.result().number() + " is above its head "
            + head.result().number());
      }
      if (solid.result().timestampMs() < suspect.expirationMs()) {
        return open(n, "its solidified chain is not yet past the expiration");
      }
      if (suspect.refBlockNumber() > solid.result().number()) {
        return open(n, "it has not solidified the reference block " + suspect.refBlockNumber());
      }
      return scan(n, suspect, new Scan(solid.result()), suspect.refBlockNumber());
    });
  }

  /** The blocks checked so far on one node. */
  private static final class Scan {
    final BlockRef solidHead;
    VerifiedBlock last;
    /** The first block dated at or past the expiration, once seen. */
    Long firstPast;

    Scan(BlockRef solidHead) {
      this.solidHead = solidHead;
    }
  }

  private Future<Verdict> scan(int n, Suspect suspect, Scan scan, long from) {
    if (from - suspect.refBlockNumber() >= MAX_BLOCKS) {
      return open(n, "more than " + MAX_BLOCKS + " blocks would have to be read");
    }
    long to = Math.min(from + FullNode.BLOCKS_PER_READ, scan.solidHead.number() + 1);
    if (from >= to) {
      return open(n, "its solidified chain does not yet reach past the expiration");
    }
    return node.solidBlocks(n, from, to).compose(blocks -> {
      if (blocks.size() != to - from) {
        return open(n, "it answered " + blocks.size() + " of the solidified blocks " + from + ".." + (to - 1));
      }
      for (VerifiedBlock block : blocks) {
        Optional<String> broken = link(scan, block, suspect);
        if (broken.isPresent()) {
          return distrusted(n, broken.get());
        }
        scan.last = block;
        if (block.contains(suspect.txid())) {
          return Future.succeededFuture(new Verdict.OnChain(block.number(),
              block.results().get(suspect.txid().toLowerCase(Locale.ROOT))));
        }
        if (scan.firstPast != null && block.number() > scan.firstPast) {
          return Future.succeededFuture(new Verdict.Dead(scan.solidHead.timestampMs()));
        }
        if (scan.firstPast == null && block.timestampMs() >= suspect.expirationMs()) {
          scan.firstPast = block.number();
        }
      }
      return scan(n, suspect, scan, to);
    });
  }

  /** Why this block does not follow the last one on a consistent chain anchored at the reference block, if so. */
  private Optional<String> link(Scan scan, VerifiedBlock block, Suspect suspect) {
    if (block.timestampMs() > clock.getAsLong() + node.rules().clockSkewMs()) {
      return Optional.of("block " + block.number() + " is dated after this host's clock");
    }
    if (scan.last == null) {
      return block.number() == suspect.refBlockNumber() && block.taposHash().equalsIgnoreCase(suspect.refHash())
          ? Optional.empty()
          : Optional.of("its block " + block.number() + " is not the block the transaction was signed against");
    }
    if (block.number() != scan.last.number() + 1 || !block.parentId().equals(scan.last.id())) {
      return Optional.of("block " + block.number() + " does not follow block " + scan.last.number());
    }
    if (block.timestampMs() - scan.last.timestampMs() < node.rules().minBlockIntervalMs()) {
      return Optional.of("blocks " + scan.last.number() + " and " + block.number() + " are dated too close together");
    }
    return Optional.empty();
  }

  private Future<Verdict> distrusted(int n, String why) {
    node.client().distrust(n, "getblockbylimitnext_solid", why);
    return open(n, why);
  }

  private static Future<Verdict> open(int n, String why) {
    return Future.succeededFuture(new Verdict.Open("node " + (n + 1) + ": " + why));
  }
}
