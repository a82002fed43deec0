package com.lucid.payment.payout.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lucid.payment.payout.accept.NewPayouts;
import com.lucid.payment.payout.audit.PayoutSealer;
import com.lucid.payment.seal.PayoutSeal;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.chain.TronAddress;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The stored form is the one existing stores, the crash tests and verify-audit know: a payout accepted and then
 * signed, written by the typed model, gives the very document and update (names, values, number types and audit
 * hashes) the engine wrote before it was typed. The expected JSON was printed by that engine for the same inputs.
 */
class StoredFormTest {
  private static final String ACCEPTED = """
      {"_id":"payout_golden0001","user_id":"alice","creator_role":"end_user","request_id":"req_golden",
      "recipient_address":"TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ","amount":1500000,
      "router_type":"PayoutRouterV0","priority":"HIGH","priority_rank":2,"batch_type":"IMMEDIATE",
      "reason":"golden","status":"pending","created_at":1795600800000,"updated_at":1795600800000,
      "release_at":1795600800000,"next_check_at":1795600800000,"lease_until":0,"version":0,
      "limit_keys":["router:PayoutRouterV0:day:2026-11-25","global:day:2026-11-25"],"attempts":[],
      "attempt_count":0,"retries_used":0,"session_id":"s-1","custom_data":{"k":"v"},
      "usdt_contract":"TBvJUBXorwBPzqvV38vjDgegj5Eh6g2Tsq",
      "seal":"77e9f17c0ffd1ef0d28cdc73d8ef7e8382d9841200028fa964e02ef44db6077f","audit":[{"seq":0,
      "at":"2026-11-25T10:00:00Z","actor":"alice","request_id":"req_golden","action":"created",
      "from":null,"to":"pending","detail":{"payout_id":"payout_golden0001","user_id":"alice",
      "amount_usdt":"1.5","recipient_address":"TCLBgkbfVkJroVBJVqBEsxtPNQEQMTQCLQ",
      "router_type":"PayoutRouterV0","usdt_contract":"TBvJUBXorwBPzqvV38vjDgegj5Eh6g2Tsq",
      "seal":"77e9f17c0ffd1ef0d28cdc73d8ef7e8382d9841200028fa964e02ef44db6077f"},"prev":"genesis",
      "hash":"ce7364150ba4ca2fdc1844e5457193ae92b1e38a81812b455966df818bb2bf5f"}]}""";
  private static final String SIGNED = """
      {"$set":{"status":"processing","attempts":[{"n":1,
      "txid":"abababababababababababababababababababababababababababababababab","tx_hex":"0a0b",
      "expiration_ms":1795600860000,"fee_limit_sun":7000000,"fee_limit_percent":100,"ref_block":1234,
      "signed_at":1795600800000,"seal":"f7ae6617df2c62ce788aeaa5aba52846398cfd2cdb2c9b9736f62e88a0084827",
      "broadcasts":0}],"attempt_count":1,"updated_at":1795600801000,"version":1},
      "$unset":{"hold_reason":""},"$push":{"audit":{"$each":[{"seq":1,"at":"2026-11-25T10:00:01Z",
      "actor":"worker:w1","request_id":null,"action":"released","from":"pending","to":"processing",
      "detail":{},"prev":"ce7364150ba4ca2fdc1844e5457193ae92b1e38a81812b455966df818bb2bf5f",
      "hash":"de28fe9db3d0f7083129d5fa0c8dc7a57691c3e79673e39f4147b900d792a392"},{"seq":2,
      "at":"2026-11-25T10:00:01Z","actor":"worker:w1","request_id":null,"action":"signed",
      "from":"processing","to":"processing","detail":{"attempt":1,
      "txid":"abababababababababababababababababababababababababababababababab",
      "expiration_ms":1795600860000,"fee_limit_sun":7000000},
      "prev":"de28fe9db3d0f7083129d5fa0c8dc7a57691c3e79673e39f4147b900d792a392",
      "hash":"8fccdaaf977c2625c9a1b140961853ec9f6f7ae66f7e088b6485bded4e56189e"}]}}}""";

  /** The number types of the old engine's fields, as they went to the store. */
  private static final JsonObject ACCEPTED_KINDS = new JsonObject("""
      {"amount":"long","priority_rank":"int","created_at":"long","updated_at":"long","release_at":"long",
      "next_check_at":"long","lease_until":"long","version":"int","attempt_count":"int",
      "retries_used":"int"}""".replaceAll("\\s*\\n\\s*", ""));
  private static final JsonObject SIGNED_KINDS = new JsonObject("""
      {"attempt_count":"int","updated_at":"long","version":"int"}""".replaceAll("\\s*\\n\\s*", ""));
  private static final JsonObject ATTEMPT_KINDS = new JsonObject("""
      {"n":"int","expiration_ms":"long","fee_limit_sun":"long","fee_limit_percent":"int",
      "ref_block":"long","signed_at":"long","broadcasts":"int"}""".replaceAll("\\s*\\n\\s*", ""));

  private final PayoutSeal seal = new PayoutSeal("a-test-key-of-thirty-two-bytes!!"
      .getBytes(StandardCharsets.US_ASCII));
  private final TronAddress usdt = HotWallet.fromPrivateKeyHex("22".repeat(32)).address();
  private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

  private Payout accepted() {
    NewPayout request = new NewPayout(HotWallet.fromPrivateKeyHex("11".repeat(32)).address(), 1_500_000L, "golden",
        RouterType.PayoutRouterV0, Priority.HIGH, BatchType.IMMEDIATE, Optional.of("s-1"), Optional.empty(),
        Optional.of(new JsonObject().put("k", "v")), Optional.empty(), Optional.empty());
    return new NewPayouts(new PayoutSealer(seal, usdt), 0).single("payout_golden0001", request,
        new Actor("alice", "req_golden"), "end_user",
        List.of("router:PayoutRouterV0:day:2026-11-25", "global:day:2026-11-25"), now);
  }

  private static void assertSameStoredForm(String expected, JsonObject actual) {
    JsonObject want = new JsonObject(expected.replaceAll("\\s*\\n\\s*", ""));
    assertEquals(Canonical.encode(want), Canonical.encode(actual));
  }

  private static void assertKinds(JsonObject kinds, JsonObject actual) {
    kinds.forEach(e -> assertEquals(e.getValue(), numberKind(actual.getValue(e.getKey())), e.getKey()));
  }

  /** int32 and int64 are different BSON types: a field must keep its width. */
  private static String numberKind(Object value) {
    return value instanceof Integer ? "int" : value instanceof Long ? "long" : "other";
  }

  @Test
  void anAcceptedPayoutIsStoredAsBefore() {
    JsonObject stored = PayoutDocuments.toStored(accepted());
    assertSameStoredForm(ACCEPTED, stored);
    assertKinds(ACCEPTED_KINDS, stored);
  }

  @Test
  void itsSignatureIsWrittenAndAuditedAsBeforeWithTheSameHashes() {
    Payout payout = accepted();
    SignedAttempt signed = new SignedAttempt(payout.id(), 1, "ab".repeat(32), "0a0b", now.toEpochMilli() + 60_000,
        7_000_000L, 1234L, now.toEpochMilli(), seal.sealAttempt(payout.id(), 1, "ab".repeat(32),
            now.toEpochMilli() + 60_000, 1234L));
    Change change = Change.of().status(PayoutStatus.PROCESSING).audit(AuditAction.RELEASED, new JsonObject())
        .attempts(payout.withNew(Attempt.signed(signed, 100))).clearHold()
        .audit(AuditAction.SIGNED, new JsonObject().put("attempt", 1).put("txid", signed.txid())
            .put("expiration_ms", signed.expirationMs()).put("fee_limit_sun", signed.feeLimitSun()));
    JsonObject update = change.update(payout, Actor.worker("w1"), now.plusSeconds(1));
    assertSameStoredForm(SIGNED, update);
    assertKinds(SIGNED_KINDS, update.getJsonObject("$set"));
    assertKinds(ATTEMPT_KINDS, update.getJsonObject("$set").getJsonArray("attempts").getJsonObject(0));
  }

  @Test
  void aStoredPayoutReadsBackAsItWasWritten() {
    Payout payout = accepted();
    assertEquals(payout, PayoutDocuments.fromStored(PayoutDocuments.toStored(payout)));
    assertEquals(List.of(), AuditTrail.verify(PayoutDocuments.toStored(payout)));
  }
}
