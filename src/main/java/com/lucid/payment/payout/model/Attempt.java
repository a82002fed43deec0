package com.lucid.payment.payout.model;

import static com.lucid.payment.payout.model.AttemptFields.*;

import com.lucid.payment.tron.api.SignedAttempt;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Optional;

/**
 * One signed transaction of a payout as stored: what was signed (sealed), how often and how it was broadcast, and,
 * once the solidified chain decided, its fate.
 *
 * @param lastBroadcastAt epoch ms of the last broadcast, 0 before the first
 * @param lastOutcome the last broadcast's outcome (BroadcastOutcome.Kind), null before the first
 * @param result the receipt's result once final (SUCCESS, REVERT, OUT_OF_ENERGY), else null
 * @param feeSun what a failed attempt burnt, else null
 */
public record Attempt(int n, String txid, String txHex, long expirationMs, long feeLimitSun, int feeLimitPercent,
    long refBlock, long signedAt, String seal, int broadcasts, long lastBroadcastAt, String lastOutcome,
    String lastCode, Optional<Fate> fate, String result, String message, Long feeSun) {

  /** How an attempt ended for good. */
  public enum Fate {
    EXPIRED, FAILED, CONFIRMED;

    public String stored() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Fate fromStored(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  /** A freshly signed attempt, not yet broadcast. */
  public static Attempt signed(SignedAttempt a, int feeLimitPercent) {
    return new Attempt(a.attempt(), a.txid(), a.transactionHex(), a.expirationMs(), a.feeLimitSun(), feeLimitPercent,
        a.refBlockNumber(), a.signedAtMs(), a.seal(), 0, 0, null, null, Optional.empty(), null, null, null);
  }

  /** Expired unincluded, or failed on chain with no USDT moved: a new attempt may be signed. */
  public boolean dead() {
    return fate.filter(f -> f != Fate.CONFIRMED).isPresent();
  }

  /** What the TRON client signed, to broadcast or judge it again. */
  public SignedAttempt signedAttempt(String payoutId) {
    return new SignedAttempt(payoutId, n, txid, txHex, expirationMs, feeLimitSun, refBlock, signedAt, seal);
  }

  public Attempt broadcast(long at, String outcome, String code) {
    return new Attempt(n, txid, txHex, expirationMs, feeLimitSun, feeLimitPercent, refBlock, signedAt, seal,
        broadcasts + 1, at, outcome, code, fate, result, message, feeSun);
  }

  public Attempt expired() {
    return ended(Fate.EXPIRED, result, message, feeSun);
  }

  public Attempt confirmed() {
    return ended(Fate.CONFIRMED, "SUCCESS", message, feeSun);
  }

  public Attempt failed(String result, String message, long feeSun) {
    return ended(Fate.FAILED, result, message, feeSun);
  }

  private Attempt ended(Fate end, String result, String message, Long feeSun) {
    return new Attempt(n, txid, txHex, expirationMs, feeLimitSun, feeLimitPercent, refBlock, signedAt, seal,
        broadcasts, lastBroadcastAt, lastOutcome, lastCode, Optional.of(end), result, message, feeSun);
  }

  public JsonObject toStored() {
    JsonObject a = new JsonObject().put(N, n).put(TXID, txid).put(TX_HEX, txHex).put(EXPIRATION_MS, expirationMs)
        .put(FEE_LIMIT_SUN, feeLimitSun).put(FEE_LIMIT_PERCENT, feeLimitPercent).put(REF_BLOCK, refBlock)
        .put(SIGNED_AT, signedAt).put(SEAL, seal).put(BROADCASTS, broadcasts);
    if (broadcasts > 0) {
      a.put(LAST_BROADCAST_AT, lastBroadcastAt).put(LAST_OUTCOME, lastOutcome).put(LAST_CODE, lastCode);
    }
    fate.ifPresent(f -> a.put(FATE, f.stored()));
    putIfSet(a, RESULT, result);
    putIfSet(a, MESSAGE, message);
    putIfSet(a, FEE_SUN, feeSun);
    return a;
  }

  private static void putIfSet(JsonObject a, String field, Object value) {
    if (value != null) {
      a.put(field, value);
    }
  }

  public static Attempt fromStored(JsonObject a) {
    return new Attempt(a.getInteger(N), a.getString(TXID), a.getString(TX_HEX), a.getLong(EXPIRATION_MS),
        a.getLong(FEE_LIMIT_SUN), a.getInteger(FEE_LIMIT_PERCENT, 100), a.getLong(REF_BLOCK),
        a.getLong(SIGNED_AT, 0L), a.getString(SEAL), a.getInteger(BROADCASTS, 0), a.getLong(LAST_BROADCAST_AT, 0L),
        a.getString(LAST_OUTCOME), a.getString(LAST_CODE), Optional.ofNullable(a.getString(FATE)).map(Fate::fromStored),
        a.getString(RESULT), a.getString(MESSAGE), a.getLong(FEE_SUN));
  }
}
