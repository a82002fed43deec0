package com.lucid.payment.payout.accept;

import com.lucid.payment.payout.audit.PayoutSealer;
import com.lucid.payment.payout.model.Actor;
import com.lucid.payment.payout.model.BatchType;
import com.lucid.payment.payout.model.NewPayout;
import com.lucid.payment.payout.model.Payout;
import com.lucid.payment.payout.model.PayoutDocuments;
import com.lucid.payment.payout.model.PayoutTerms;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Makes the payout a validated request becomes: its terms sealed, its release window set, its first audit event. */
public final class NewPayouts {
  private final PayoutSealer sealer;
  private final int monthlyAnchorDay;

  public NewPayouts(PayoutSealer sealer, int monthlyAnchorDay) {
    this.sealer = sealer;
    this.monthlyAnchorDay = monthlyAnchorDay;
  }

  /** When a payout of this window accepted at {@code now} is released: the window's next start (UTC). */
  public Instant releaseAt(BatchType window, Instant now) {
    return window.releaseAt(now, monthlyAnchorDay);
  }

  /** A single payout, accepted now by {@code actor} (its user and request). */
  public Payout single(String id, NewPayout request, Actor actor, String role, List<String> limitKeys, Instant now) {
    return accepted(id, request, actor, role, Optional.empty(), limitKeys, now, releaseAt(request.batchType(), now));
  }

  /** A payout of a batch (or distribution): its batch's creator, request, time and release window. */
  public Payout accepted(String id, NewPayout request, Actor actor, String role, Optional<String> batchId,
      List<String> limitKeys, Instant acceptedAt, Instant releaseAt) {
    PayoutTerms unsealed = new PayoutTerms(request, actor.id(), role, actor.requestId(), batchId, limitKeys,
        acceptedAt.toEpochMilli(), releaseAt.toEpochMilli(), null, null);
    return PayoutDocuments.accepted(id, sealer.seal(id, unsealed), actor, acceptedAt);
  }
}
