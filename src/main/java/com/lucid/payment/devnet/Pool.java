package com.lucid.payment.devnet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Accepted transactions not yet in a block, in arrival order. Transactions held back (a control
 * fault) count as pending for duplicate checks but are never included; they leave at expiration.
 */
final class Pool {
  private final Map<String, PendingTx> waiting = new LinkedHashMap<>();
  private final Map<String, PendingTx> heldBack = new LinkedHashMap<>();
  private final PriorityQueue<PendingTx> heldByExpiration =
      new PriorityQueue<>(Comparator.comparingLong(PendingTx::expiration));

  boolean contains(String txid) {
    return waiting.containsKey(txid) || heldBack.containsKey(txid);
  }

  int size() {
    return waiting.size() + heldBack.size();
  }

  void add(PendingTx tx, boolean holdBack) {
    if (holdBack) {
      heldBack.put(tx.txid(), tx);
      heldByExpiration.add(tx);
    } else {
      waiting.put(tx.txid(), tx);
    }
  }

  /** Every transaction the pool holds, those waiting first, each group in arrival order. */
  List<PendingTx> all() {
    List<PendingTx> all = new ArrayList<>(waiting.values());
    all.addAll(heldBack.values());
    return all;
  }

  /** Up to `max` transactions for a block at `time`; expired ones leave the pool for good. */
  List<PendingTx> takeForBlock(long time, int max) {
    while (!heldByExpiration.isEmpty() && heldByExpiration.peek().expiration() <= time) {
      heldBack.remove(heldByExpiration.poll().txid());
    }
    List<PendingTx> taken = new ArrayList<>();
    Iterator<PendingTx> it = waiting.values().iterator();
    while (it.hasNext() && taken.size() < max) {
      PendingTx tx = it.next();
      it.remove();
      if (tx.expiration() > time) {
        taken.add(tx);
      }
    }
    return taken;
  }
}
