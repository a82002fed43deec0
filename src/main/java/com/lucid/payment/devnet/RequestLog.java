package com.lucid.payment.devnet;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last requests the devnet received, so tests can see where connections came from (a proxy, say). */
final class RequestLog {
  static final int CAPACITY = 10_000;

  private final Deque<SeenRequest> seen = new ArrayDeque<>();

  synchronized void add(SeenRequest request) {
    if (seen.size() == CAPACITY) {
      seen.removeFirst();
    }
    seen.addLast(request);
  }

  synchronized List<SeenRequest> list() {
    return List.copyOf(seen);
  }
}
