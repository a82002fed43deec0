package com.lucid.payment.payout.model;

import com.lucid.payment.payout.audit.PayoutSealer;
import com.lucid.payment.tron.api.SignedAttempt;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The attempts of a payout as stored: each signed transaction, its broadcasts and, once known, its fate. */
public final class Attempts {
  /** Fates after which an attempt can never move USDT: a new attempt may be signed. */
  public static final String EXPIRED = "expired";
  public static final String FAILED = "failed";
  public static final String CONFIRMED = "confirmed";

  private Attempts() {}

  public static JsonObject signed(SignedAttempt a, int feeLimitPercent) {
    return new JsonObject()
        .put("n", a.attempt())
        .put("txid", a.txid())
        .put("tx_hex", a.transactionHex())
        .put("expiration_ms", a.expirationMs())
        .put("fee_limit_sun", a.feeLimitSun())
        .put("fee_limit_percent", feeLimitPercent)
        .put("ref_block", a.refBlockNumber())
        .put("signed_at", a.signedAtMs())
        .put(PayoutSealer.SEAL, a.seal())
        .put("broadcasts", 0);
  }

  /** True when the attempt is definitively dead (expired unincluded, or failed on chain with no USDT moved). */
  public static boolean dead(JsonObject a) {
    String fate = a.getString("fate");
    return EXPIRED.equals(fate) || FAILED.equals(fate);
  }

  /** The attempts with the last one replaced. */
  public static JsonArray withLast(JsonObject doc, JsonObject last) {
    JsonArray all = doc.getJsonArray("attempts").copy();
    all.set(all.size() - 1, last);
    return all;
  }

  public static JsonArray withNew(JsonObject doc, JsonObject attempt) {
    return doc.getJsonArray("attempts").copy().add(attempt);
  }

  /** How many attempts ended in OUT_OF_ENERGY: each doubles the next fee limit, up to the TRON client's cap. */
  public static int feeLimitPercent(JsonObject doc) {
    long outOfEnergy = doc.getJsonArray("attempts").stream().map(o -> (JsonObject) o)
        .filter(a -> "OUT_OF_ENERGY".equals(a.getString("result"))).count();
    return (int) Math.min(1000, 100L << Math.min(outOfEnergy, 4));
  }
}
