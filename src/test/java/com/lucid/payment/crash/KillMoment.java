package com.lucid.payment.crash;

/** Where in a payout's life a SIGKILL is aimed. */
enum KillMoment {
  /** Right after the payouts were accepted: while they are released, signed, persisted and first broadcast. */
  JUST_ACCEPTED,
  /** A signed attempt is persisted, and its broadcast hangs at the node and never reaches the pool. */
  BROADCAST_NEVER_ARRIVES,
  /** A signed attempt is persisted, and its broadcast is held at the node: it lands after the service died. */
  BROADCAST_IN_FLIGHT,
  /** A transaction is in a block, not yet solidified, and its payout not yet confirmed. */
  INCLUDED_NOT_CONFIRMED
}
