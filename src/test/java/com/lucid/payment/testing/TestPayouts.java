package com.lucid.payment.testing;

import com.lucid.payment.payout.accept.NewPayouts;
import com.lucid.payment.payout.audit.PayoutSealer;
import com.lucid.payment.payout.model.Actor;
import com.lucid.payment.payout.model.BatchType;
import com.lucid.payment.payout.model.NewPayout;
import com.lucid.payment.payout.model.Payout;
import com.lucid.payment.payout.model.Priority;
import com.lucid.payment.payout.model.RouterType;
import com.lucid.payment.seal.PayoutSeal;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.chain.TronAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sealed payouts for component tests, accepted as the engine would accept them, with a key of the test's own. */
public final class TestPayouts {
  private static final SecureRandom RANDOM = new SecureRandom();
  /** The USDT contract the test's payouts are sealed for. */
  public final TronAddress usdt = HotWallet.generate(RANDOM).address();
  public final PayoutSeal seal;
  public final PayoutSealer sealer;
  public final NewPayouts newPayouts;

  public TestPayouts() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    seal = new PayoutSeal(key);
    sealer = new PayoutSealer(seal, usdt);
    newPayouts = new NewPayouts(sealer, 0);
  }

  /** A V0 request of {@code amount} base units to a fresh address, NORMAL and IMMEDIATE. */
  public static NewPayout request(long amount) {
    return request(amount, RouterType.PayoutRouterV0, Priority.NORMAL, BatchType.IMMEDIATE);
  }

  public static NewPayout request(long amount, RouterType router, Priority priority, BatchType window) {
    return new NewPayout(HotWallet.generate(RANDOM).address(), amount, "test", router, priority, window,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A payout of alice (end_user) accepted at {@code now}, due at once, reserving nothing. */
  public Payout accepted(String id, long amount, Instant now) {
    return accepted(id, request(amount), now);
  }

  public Payout accepted(String id, NewPayout request, Instant now) {
    return newPayouts.single(id, request, new Actor("alice", "req_" + id), "end_user", List.of(), now);
  }
}
