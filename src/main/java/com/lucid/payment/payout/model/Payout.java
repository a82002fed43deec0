package com.lucid.payment.payout.model;

import com.lucid.payment.tron.api.SealedPayout;
import com.lucid.payment.tron.chain.TronAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A stored payout, typed: its accepted terms, its state, its attempts, its settlement and its history. */
public record Payout(String id, PayoutTerms terms, PayoutState state, List<Attempt> attempts,
    Optional<Settlement> settlement, List<AuditEvent> history) {
  public Payout {
    attempts = List.copyOf(attempts);
    history = List.copyOf(history);
  }

  public PayoutStatus status() {
    return state.status();
  }

  public long amount() {
    return terms.request().amount();
  }

  public RouterType router() {
    return terms.request().router();
  }

  public String userId() {
    return terms.userId();
  }

  /** The last attempt, if any was signed. */
  public Optional<Attempt> current() {
    return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
  }

  /** Its attempts with a new one signed. */
  public List<Attempt> withNew(Attempt attempt) {
    List<Attempt> all = new java.util.ArrayList<>(attempts);
    all.add(attempt);
    return all;
  }

  /** Its attempts with the last one replaced (its broadcasts or its fate updated). */
  public List<Attempt> withLast(Attempt attempt) {
    List<Attempt> all = new java.util.ArrayList<>(attempts);
    all.set(all.size() - 1, attempt);
    return all;
  }

  /** The payout as the TRON client checks its seal before it signs, sends or judges anything of it. */
  public SealedPayout sealed() {
    return new SealedPayout(id, terms.userId(), router().name(), terms.request().recipient(), amount(),
        TronAddress.fromBase58(terms.usdtContract()), terms.seal());
  }
}
