package com.lucid.payment.crash;

import com.lucid.payment.api.Usdt;
import com.lucid.payment.tron.chain.HotWallet;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.Random;

/** One payout a client wants made: its unique Idempotency-Key, a recipient of its own, an amount, the exact body. */
record PayoutOrder(String key, String recipient, long amount) {
  private static final SecureRandom ADDRESSES = new SecureRandom();

  /** A fresh recipient that never held anything, and 0.01 to 20 USDT with all six decimals in play. */
  static PayoutOrder random(String key, Random random) {
    String recipient = HotWallet.generate(ADDRESSES).address().base58();
    return new PayoutOrder(key, recipient, 10_000 + random.nextInt(20_000_000));
  }

  /** The request body; the same bytes every time the order is (re)sent. */
  JsonObject body() {
    return new JsonObject().put("recipient_address", recipient).put("amount_usdt", Usdt.format(amount))
        .put("reason", "crash test " + key).put("router_type", "PayoutRouterV0");
  }
}
