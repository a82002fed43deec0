package com.lucid.payment.payout.model;

import static com.lucid.payment.payout.model.PayoutFields.*;

import com.lucid.payment.api.Usdt;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one mapping between a {@link Payout} and its stored document. Reading throws on a document that does not hold
 * together; what decides a payment is checked on the stored document itself first ({@code audit.PayoutSealer}).
 */
public final class PayoutDocuments {
  private PayoutDocuments() {}

  /**
   * A new payout as accepted: pending, due at its release, with its first audit event (which records the money
   * fields and the seal as they were accepted).
   */
  public static Payout accepted(String id, PayoutTerms terms, Actor actor, Instant now) {
    JsonObject detail = new JsonObject().put("payout_id", id).put("user_id", terms.userId())
        .put("amount_usdt", com.lucid.payment.api.Usdt.format(terms.request().amount()))
        .put("recipient_address", terms.request().recipient().base58())
        .put("router_type", terms.request().router().name()).put(USDT_CONTRACT, terms.usdtContract())
        .put(SEAL, terms.seal());
    PayoutState state = new PayoutState(PayoutStatus.PENDING, 0, now.toEpochMilli(), terms.releaseAt(), 0L,
        Optional.empty(), Optional.empty(), 0, false, Optional.empty());
    return new Payout(id, terms, state, List.of(), Optional.empty(),
        List.of(AuditEvent.created(actor, PayoutStatus.PENDING.api(), detail, now)));
  }

  public static JsonObject toStored(Payout p) {
    PayoutTerms t = p.terms();
    PayoutState s = p.state();
    JsonObject doc = t.request().writeTo(new JsonObject().put(ID, p.id()).put(USER_ID, t.userId())
        .put(CREATOR_ROLE, t.creatorRole()).put(REQUEST_ID, t.requestId()));
    doc.put(PRIORITY, t.request().priority().name()).put(PRIORITY_RANK, t.request().priority().rank())
        .put(BATCH_TYPE, t.request().batchType().name())
        .put(STATUS, s.status().api()).put(CREATED_AT, t.createdAt()).put(UPDATED_AT, s.updatedAt())
        .put(RELEASE_AT, t.releaseAt()).put(NEXT_CHECK_AT, s.nextCheckAt()).put(LEASE_UNTIL, s.leaseUntil())
        .put(VERSION, s.version()).put(LIMIT_KEYS, new JsonArray(t.limitKeys()))
        .put(ATTEMPTS, attempts(p.attempts())).put(ATTEMPT_COUNT, p.attempts().size())
        .put(RETRIES_USED, s.retriesUsed()).put(USDT_CONTRACT, t.usdtContract()).put(SEAL, t.seal())
        .put(AUDIT, new JsonArray(p.history().stream().map(AuditEvent::toStored).toList()));
    t.batchId().ifPresent(b -> doc.put(BATCH_ID, b));
    s.leaseOwner().ifPresent(o -> doc.put(LEASE_OWNER, o));
    s.hold().ifPresent(h -> doc.put(HOLD_REASON, h.stored()));
    s.failure().ifPresent(f -> doc.put(FAILURE_CODE, f.code()).put(FAILURE_MESSAGE, f.message()));
    if (s.limitsReleased()) {
      doc.put(LIMITS_RELEASED, true);
    }
    p.settlement().ifPresent(c -> settled(doc, c));
    return doc;
  }

  static JsonArray attempts(List<Attempt> attempts) {
    return new JsonArray(attempts.stream().map(Attempt::toStored).toList());
  }

  static void settled(JsonObject set, Settlement c) {
    set.put(TXID, c.txid()).put(BLOCK_NUMBER, c.blockNumber()).put(BLOCK_TIMESTAMP, c.blockTimestamp())
        .put(FEE_SUN, c.feeSun()).put(ENERGY_USED, c.energyUsed()).put(NET_USAGE, c.netUsage())
        .put(CONFIRMATIONS, c.confirmations()).put(CONFIRMED_AT, c.confirmedAt());
  }

  public static Payout fromStored(JsonObject doc) {
    Priority priority = Priority.valueOf(doc.getString(PRIORITY));
    BatchType batchType = BatchType.valueOf(doc.getString(BATCH_TYPE));
    PayoutTerms terms = new PayoutTerms(NewPayout.readFrom(doc, priority, batchType), doc.getString(USER_ID),
        doc.getString(CREATOR_ROLE), doc.getString(REQUEST_ID), Optional.ofNullable(doc.getString(BATCH_ID)),
        strings(doc.getJsonArray(LIMIT_KEYS, new JsonArray())), doc.getLong(CREATED_AT), doc.getLong(RELEASE_AT, 0L),
        doc.getString(USDT_CONTRACT), doc.getString(SEAL));
    Optional<PayoutState.Failure> failure = Optional.ofNullable(doc.getString(FAILURE_CODE))
        .map(code -> new PayoutState.Failure(code, doc.getString(FAILURE_MESSAGE)));
    PayoutState state = new PayoutState(PayoutStatus.fromApi(doc.getString(STATUS)).orElseThrow(),
        doc.getInteger(VERSION), doc.getLong(UPDATED_AT, 0L), doc.getLong(NEXT_CHECK_AT, 0L),
        doc.getLong(LEASE_UNTIL, 0L), Optional.ofNullable(doc.getString(LEASE_OWNER)), hold(doc),
        doc.getInteger(RETRIES_USED, 0), doc.getBoolean(LIMITS_RELEASED, false), failure);
    List<Attempt> attempts = doc.getJsonArray(ATTEMPTS, new JsonArray()).stream()
        .map(a -> Attempt.fromStored((JsonObject) a)).toList();
    List<AuditEvent> history = doc.getJsonArray(AUDIT, new JsonArray()).stream()
        .map(e -> AuditEvent.fromStored((JsonObject) e)).toList();
    Optional<Settlement> settlement = doc.getString(TXID) == null ? Optional.empty()
        : Optional.of(new Settlement(doc.getString(TXID), doc.getLong(BLOCK_NUMBER), doc.getLong(BLOCK_TIMESTAMP),
            doc.getLong(FEE_SUN), doc.getLong(ENERGY_USED), doc.getLong(NET_USAGE), doc.getInteger(CONFIRMATIONS),
            doc.getLong(CONFIRMED_AT)));
    return new Payout(doc.getString(ID), terms, state, attempts, settlement, history);
  }

  private static Optional<HoldReason> hold(JsonObject doc) {
    String stored = doc.getString(HOLD_REASON);
    return stored == null ? Optional.empty() : Optional.of(HoldReason.fromStored(stored)
        .orElseThrow(() -> new IllegalArgumentException("unknown hold reason " + stored)));
  }

  private static List<String> strings(JsonArray array) {
    return array.stream().map(String::valueOf).toList();
  }
}
