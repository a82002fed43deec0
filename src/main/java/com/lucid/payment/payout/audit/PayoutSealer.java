package com.lucid.payment.payout.audit;

import com.lucid.payment.seal.PayoutSeal;
import com.lucid.payment.tron.api.SealedPayout;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.chain.TronAddress;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The seals of stored payouts: a new payout is sealed before its first write; a stored one is read back into a
 * {@link SealedPayout} only after its seal and every attempt's seal hold. The store is not trusted: a document that
 * fails here is never signed or sent, whatever else it says.
 */
public final class PayoutSealer {
  public static final String SEAL = "seal";
  public static final String CONTRACT = "usdt_contract";

  private final PayoutSeal seal;
  private final TronAddress usdt;

  public PayoutSealer(PayoutSeal seal, TronAddress usdt) {
    this.seal = seal;
    this.usdt = usdt;
  }

  /** Adds the USDT contract and the seal to a new payout document. */
  public JsonObject seal(JsonObject doc) {
    doc.put(CONTRACT, usdt.base58());
    return doc.put(SEAL, seal.seal(doc.getString("_id"), doc.getString("user_id"), doc.getString("router_type"),
        doc.getString("recipient_address"), doc.getLong("amount"), usdt.base58()));
  }

  /** What is wrong with a stored payout's seals, if anything. Never throws on a malformed document. */
  public Optional<String> problem(JsonObject doc) {
    try {
      SealedPayout sealed = sealed(doc);
      if (!seal.holds(sealed)) {
        return Optional.of("its seal does not match its id, user, router, recipient, amount or contract");
      }
      JsonArray attempts = doc.getJsonArray("attempts", new JsonArray());
      for (int i = 0; i < attempts.size(); i++) {
        JsonObject attempt = attempts.getJsonObject(i);
        if (attempt.getInteger("n", -1) != i + 1 || !seal.holds(attempt(doc, attempt))) {
          return Optional.of("attempt " + (i + 1) + " does not carry its seal (txid, expiration or order changed)");
        }
      }
      if (doc.getInteger("attempt_count", -1) != attempts.size()) {
        return Optional.of("its attempt count does not match its attempts");
      }
      return Optional.empty();
    } catch (RuntimeException malformed) {
      return Optional.of("it is malformed: " + malformed.getClass().getSimpleName());
    }
  }

  public SealedPayout sealed(JsonObject doc) {
    return new SealedPayout(doc.getString("_id"), doc.getString("user_id"), doc.getString("router_type"),
        TronAddress.fromBase58(doc.getString("recipient_address")), doc.getLong("amount"),
        TronAddress.fromBase58(doc.getString(CONTRACT)), doc.getString(SEAL));
  }

  public static SignedAttempt attempt(JsonObject doc, JsonObject a) {
    return new SignedAttempt(doc.getString("_id"), a.getInteger("n"), a.getString("txid"), a.getString("tx_hex"),
        a.getLong("expiration_ms"), a.getLong("fee_limit_sun"), a.getLong("ref_block"), a.getLong("signed_at"),
        a.getString(SEAL));
  }
}
