package com.lucid.payment.tron;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** The signing journal's writes, off the event loop: each future completes once its line is written. */
final class JournalWrites {
  private final Vertx vertx;
  private final SigningJournal journal;

  JournalWrites(Vertx vertx, SigningJournal journal) {
    this.vertx = vertx;
    this.journal = journal;
  }

  SigningJournal journal() {
    return journal;
  }

  Future<Void> dead(String payoutId, String txid, boolean expired) {
    return run(() -> journal.dead(payoutId, txid, expired));
  }

  Future<Void> closed(String payoutId) {
    return run(() -> journal.closed(payoutId));
  }

  Future<Void> granted(String payoutId) {
    return run(() -> journal.granted(payoutId));
  }

  private Future<Void> run(Runnable write) {
    return vertx.executeBlocking(() -> {
      write.run();
      return null;
    }, false);
  }
}
