package com.lucid.payment.devnet;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Account state at one block: TRX accounts and USDT balances. The devnet keeps head and solidified
 * ledgers; each block's writes are replayed on the solidified one when the block solidifies. A
 * ledger over another (the pending state: what the pool's transactions do to the head) holds only
 * what it changed and reads the rest through.
 */
final class Ledger {
  private final Map<TronAddress, Account> accounts = new HashMap<>();
  private final Map<TronAddress, Long> usdt = new HashMap<>();
  private final Ledger base;

  Ledger() {
    this(null);
  }

  private Ledger(Ledger base) {
    this.base = base;
  }

  /** An empty layer over `base`: its writes stay in the layer. */
  static Ledger over(Ledger base) {
    return new Ledger(base);
  }

  /** The account, or null when it was never activated. */
  Account account(TronAddress address) {
    Account own = accounts.get(address);
    return own != null || base == null ? own : base.account(address);
  }

  long usdt(TronAddress address) {
    Long own = usdt.get(address);
    return own != null ? own : base == null ? 0L : base.usdt(address);
  }

  long usdtSupply() {
    return addresses().stream().mapToLong(this::usdt).reduce(0L, Math::addExact);
  }

  /** Adds funds minted out of band to what this layer changed (the base gets them itself). */
  void creditLayer(TronAddress address, long trxSun, long usdtUnits) {
    accounts.computeIfPresent(address, (a, account) -> account.credit(trxSun));
    usdt.computeIfPresent(address, (a, balance) -> Math.addExact(balance, usdtUnits));
  }

  void apply(Writes writes) {
    accounts.putAll(writes.accounts);
    usdt.putAll(writes.usdt);
  }

  /** Every address that has an account or a USDT balance, in a stable order. */
  Set<TronAddress> addresses() {
    Set<TronAddress> all = new TreeSet<>((a, b) -> a.hex().compareTo(b.hex()));
    if (base != null) {
      all.addAll(base.addresses());
    }
    all.addAll(accounts.keySet());
    all.addAll(usdt.keySet());
    return all;
  }

  /** Writes of one transaction or one block, in the order they happened (last one wins). */
  static final class Writes {
    private final Map<TronAddress, Account> accounts = new LinkedHashMap<>();
    private final Map<TronAddress, Long> usdt = new LinkedHashMap<>();

    Writes put(Account account) {
      accounts.put(account.address(), account);
      return this;
    }

    Writes putUsdt(TronAddress address, long balance) {
      usdt.put(address, balance);
      return this;
    }

    void addAll(Writes other) {
      accounts.putAll(other.accounts);
      usdt.putAll(other.usdt);
    }

    /** Adds funds minted out of band to the snapshots this not yet solidified block holds. */
    void credit(TronAddress address, long trxSun, long usdtUnits) {
      accounts.computeIfPresent(address, (a, account) -> account.credit(trxSun));
      usdt.computeIfPresent(address, (a, balance) -> Math.addExact(balance, usdtUnits));
    }
  }
}
