package com.lucid.payment.devnet;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Account state at one block: TRX accounts and USDT balances. The devnet keeps two, head and
 * solidified; each block's writes are replayed on the solidified one when the block solidifies.
 */
final class Ledger {
  private final Map<TronAddress, Account> accounts = new HashMap<>();
  private final Map<TronAddress, Long> usdt = new HashMap<>();

  /** The account, or null when it was never activated. */
  Account account(TronAddress address) {
    return accounts.get(address);
  }

  long usdt(TronAddress address) {
    return usdt.getOrDefault(address, 0L);
  }

  long usdtSupply() {
    return usdt.values().stream().mapToLong(Long::longValue).reduce(0L, Math::addExact);
  }

  void apply(Writes writes) {
    accounts.putAll(writes.accounts);
    usdt.putAll(writes.usdt);
  }

  /** Every address that has an account or a USDT balance, in a stable order. */
  Set<TronAddress> addresses() {
    Set<TronAddress> all = new TreeSet<>((a, b) -> a.hex().compareTo(b.hex()));
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
