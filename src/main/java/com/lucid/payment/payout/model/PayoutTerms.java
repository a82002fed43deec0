package com.lucid.payment.payout.model;

import java.util.List;
import java.util.Optional;

/**
 * What a payout was accepted as, never changed afterwards: the request, who made it and on which request, its batch,
 * the limit windows it reserved, when it was accepted and released, and the seal over its money fields.
 *
 * @param usdtContract the USDT contract (base58) it is paid in; sealed with the id, user, router, recipient, amount
 */
public record PayoutTerms(NewPayout request, String userId, String creatorRole, String requestId,
    Optional<String> batchId, List<String> limitKeys, long createdAt, long releaseAt, String usdtContract,
    String seal) {
  public PayoutTerms {
    limitKeys = List.copyOf(limitKeys);
  }
}
