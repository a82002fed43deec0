package com.lucid.payment.store;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets concurrent writers share one store commit. Each writer, once its change is applied, takes a ticket and waits
 * until a commit that started after it took the ticket has finished. One waiter at a time runs the commit (the
 * leader), covering every ticket handed out before it started; the others return when it ends, without committing.
 */
final class GroupCommit {
  /** The commit itself (MVStore commit, and sync when power-loss safety is asked for). */
  interface Committer {
    void commit();
  }

  private final Committer committer;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition finished = lock.newCondition();
  private long tickets;
  private long durable;
  private boolean committing;

  GroupCommit(Committer committer) {
    this.committer = committer;
  }

  /** Returns once every change the calling thread applied before the call is committed; throws if its commit failed. */
  void awaitDurable() {
    lock.lock();
    try {
      long ticket = ++tickets;
      while (durable < ticket) {
        if (committing) {
          finished.awaitUninterruptibly();
        } else {
          lead();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Called and returns with the lock held; commits without it, so that writers keep taking tickets meanwhile. */
  private void lead() {
    committing = true;
    long covers = tickets; // each ticket is taken after its change was applied: this commit contains them all
    boolean ok = false;
    lock.unlock();
    try {
      committer.commit();
      ok = true;
    } finally {
      lock.lock();
      committing = false;
      if (ok) {
        durable = Math.max(durable, covers);
      }
      finished.signalAll();
    }
  }
}
