package com.lucid.payment.seal;

import com.lucid.payment.tron.api.SealedPayout;
import com.lucid.payment.tron.api.SignedAttempt;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals what decides a payment, with a key the store never holds: a payout's id, user, router, recipient, amount and
 * USDT contract at acceptance, and each signed attempt's payout, number, txid, expiration and reference block. A
 * store writer can change a document, but cannot make a seal for the change: the wallet plane checks the seal before
 * every signature and broadcast. HMAC-SHA256 over length-prefixed fields (no two field lists encode alike).
 */
public final class PayoutSeal {
  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] PAYOUT_DOMAIN = "lucid-payout-seal-v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ATTEMPT_DOMAIN = "lucid-attempt-seal-v1".getBytes(StandardCharsets.US_ASCII);
  private static final HexFormat HEX = HexFormat.of();

  private final SecretKeySpec key;

  public PayoutSeal(byte[] key) {
    if (key.length < SealKeyFile.MIN_BYTES) {
      throw new IllegalArgumentException("a seal key needs at least " + SealKeyFile.MIN_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  /** The seal of a payout's money fields (its {@code seal} itself is not part of them). */
  public String seal(String payoutId, String userId, String routerType, String recipient, long amount,
      String usdtContract) {
    return mac(PAYOUT_DOMAIN, payoutId, userId, routerType, recipient, Long.toString(amount), usdtContract);
  }

  public boolean holds(SealedPayout p) {
    return equal(p.seal(), seal(p.payoutId(), p.userId(), p.routerType(), p.recipient().base58(), p.amount(),
        p.usdtContract().base58()));
  }

  /** The seal of one signed attempt of a payout. */
  public String sealAttempt(String payoutId, int attempt, String txid, long expirationMs, long refBlockNumber) {
    return mac(ATTEMPT_DOMAIN, payoutId, Integer.toString(attempt), txid, Long.toString(expirationMs),
        Long.toString(refBlockNumber));
  }

  public boolean holds(SignedAttempt a) {
    return equal(a.seal(), sealAttempt(a.payoutId(), a.attempt(), a.txid(), a.expirationMs(), a.refBlockNumber()));
  }

  private String mac(byte[] domain, String... fields) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(domain);
      for (String field : fields) {
        byte[] bytes = (field == null ? "" : field).getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(4).putInt(field == null ? -1 : bytes.length).array());
        mac.update(bytes);
      }
      return HEX.formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static boolean equal(String given, String expected) {
    return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
        expected.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "PayoutSeal[key ***]";
  }
}
