package com.lucid.payment.payout.audit;

import static com.lucid.payment.payout.model.PayoutFields.*;

import com.lucid.payment.payout.model.AttemptFields;
import com.lucid.payment.payout.model.PayoutTerms;
import com.lucid.payment.seal.PayoutSeal;
import com.lucid.payment.tron.api.SealedPayout;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.chain.TronAddress;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The seals of stored payouts: a new payout is sealed before its first write; a stored one is believed only after its
 * seal and every attempt's seal hold, checked on the document exactly as stored. The store is not trusted: a document
 * that fails here is never signed or sent, whatever else it says.
 */
public final class PayoutSealer {
  private final PayoutSeal seal;
  private final TronAddress usdt;

  public PayoutSealer(PayoutSeal seal, TronAddress usdt) {
    this.seal = seal;
    this.usdt = usdt;
  }

  /** The terms of a new payout with the USDT contract it is paid in and the seal over its money fields. */
  public PayoutTerms seal(String payoutId, PayoutTerms terms) {
    String sealed = seal.seal(payoutId, terms.userId(), terms.request().router().name(),
        terms.request().recipient().base58(), terms.request().amount(), usdt.base58());
    return new PayoutTerms(terms.request(), terms.userId(), terms.creatorRole(), terms.requestId(), terms.batchId(),
        terms.limitKeys(), terms.createdAt(), terms.releaseAt(), usdt.base58(), sealed);
  }

  /** What is wrong with a stored payout's seals, if anything. Never throws on a malformed document. */
  public Optional<String> problem(JsonObject doc) {
    try {
      if (!seal.holds(sealed(doc))) {
        return Optional.of("its seal does not match its id, user, router, recipient, amount or contract");
      }
      JsonArray attempts = doc.getJsonArray(ATTEMPTS, new JsonArray());
      for (int i = 0; i < attempts.size(); i++) {
        JsonObject attempt = attempts.getJsonObject(i);
        if (attempt.getInteger(AttemptFields.N, -1) != i + 1 || !seal.holds(attempt(doc, attempt))) {
          return Optional.of("attempt " + (i + 1) + " does not carry its seal (txid, expiration or order changed)");
        }
      }
      if (doc.getInteger(ATTEMPT_COUNT, -1) != attempts.size()) {
        return Optional.of("its attempt count does not match its attempts");
      }
      return Optional.empty();
    } catch (RuntimeException malformed) {
      return Optional.of("it is malformed: " + malformed.getClass().getSimpleName());
    }
  }

  private static SealedPayout sealed(JsonObject doc) {
    return new SealedPayout(doc.getString(ID), doc.getString(USER_ID), doc.getString(ROUTER),
        TronAddress.fromBase58(doc.getString(RECIPIENT)), doc.getLong(AMOUNT),
        TronAddress.fromBase58(doc.getString(USDT_CONTRACT)), doc.getString(SEAL));
  }

  private static SignedAttempt attempt(JsonObject doc, JsonObject a) {
    return new SignedAttempt(doc.getString(ID), a.getInteger(AttemptFields.N), a.getString(AttemptFields.TXID),
        a.getString(AttemptFields.TX_HEX), a.getLong(AttemptFields.EXPIRATION_MS),
        a.getLong(AttemptFields.FEE_LIMIT_SUN), a.getLong(AttemptFields.REF_BLOCK), a.getLong(AttemptFields.SIGNED_AT),
        a.getString(AttemptFields.SEAL));
  }
}
