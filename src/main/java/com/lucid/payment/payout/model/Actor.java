package com.lucid.payment.payout.model;

import com.lucid.payment.bus.CallContext;

/** Who did something to a payout, and on which request: recorded in each audit event. */
public record Actor(String id, String requestId) {
  /** A worker of this instance, acting on no request. */
  public static Actor worker(String owner) {
    return new Actor("worker:" + owner, null);
  }

  /** The caller of a bus operation. */
  public static Actor of(CallContext caller) {
    return new Actor(caller.userId(), caller.requestId());
  }
}
