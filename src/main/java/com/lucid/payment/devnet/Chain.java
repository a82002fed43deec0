package com.lucid.payment.devnet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The devnet's chain in memory: blocks, the head and solidified ledgers, the pool and an index of
 * included transactions by txid; with pending state on, also what java-tron calls its pending
 * state: the head with the pool's transactions run on it in arrival order, which /wallet reads and
 * broadcast checks see, rebuilt from the new head after every block. Every method is synchronized:
 * the HTTP adapter, the block timer and in-process tests share one instance.
 */
final class Chain {
  private static final int TAPOS_KEYS = 65_536;

  private final DevnetOptions options;
  private final Resources resources;
  private final Executor executor;
  private final Admission admission;
  private final BlockForge forge = new BlockForge();
  private final List<Block> blocks = new ArrayList<>();
  /** Writes of blocks not yet solidified, replayed on the solidified ledger when they are. */
  private final Map<Long, Ledger.Writes> unsolidified = new HashMap<>();
  private final Ledger head = new Ledger();
  private final Ledger solid = new Ledger();
  private final Pool pool = new Pool();
  /** The pending state (null when off) and the pool's transactions as it ran them. */
  private Ledger pending;
  private final Map<String, ChainTx> pendingRuns = new HashMap<>();
  private final Map<String, ChainTx> included = new HashMap<>();
  private final List<UsdtTransfer> journal = new ArrayList<>();

  Chain(DevnetOptions options, long now) {
    this.options = options;
    this.resources = new Resources(options.energyFeeSun(), options.energyPerStakedTrx());
    this.executor = new Executor(resources);
    this.admission = new Admission(resources, options.maxFeeLimitSun());
    blocks.add(forge.genesis(now));
    pending = options.pendingState() ? Ledger.over(head) : null;
    for (FundedAccount funded : options.fundedAccounts()) {
      fund(TronAddress.parseAny(funded.address()), funded.trxSun(), funded.usdtUnits());
    }
  }

  Resources resources() {
    return resources;
  }

  synchronized Block headBlock() {
    return blocks.get(blocks.size() - 1);
  }

  synchronized Block solidBlock() {
    return blocks.get((int) Math.max(0, headBlock().number() - options.solidificationDepth()));
  }

  /** The block with this number, or null; `solidOnly` hides blocks not yet solidified. */
  synchronized Block block(long number, boolean solidOnly) {
    long last = solidOnly ? solidBlock().number() : headBlock().number();
    return number < 0 || number > last ? null : blocks.get((int) number);
  }

  synchronized Block blockById(byte[] id, boolean solidOnly) {
    if (id.length != 32) {
      return null;
    }
    Block block = block(ByteBuffer.wrap(id).getLong(), solidOnly);
    return block != null && Arrays.equals(block.id(), id) ? block : null;
  }

  /** The included transaction, or null; `solidOnly` hides it until its block solidifies. */
  synchronized ChainTx transaction(String txid, boolean solidOnly) {
    ChainTx tx = included.get(txid);
    if (tx == null || (solidOnly && tx.info().blockNumber() > solidBlock().number())) {
      return null;
    }
    return tx;
  }

  /** The recent block a TaPoS reference names, or null (java-tron keeps one per 2-byte key). */
  synchronized Block taposBlock(byte[] refBytes, byte[] refHash) {
    if (refBytes.length != 2 || refHash.length != 8) {
      return null;
    }
    long key = ((refBytes[0] & 0xFF) << 8) | (refBytes[1] & 0xFF);
    long headNumber = headBlock().number();
    long number = headNumber - Math.floorMod(headNumber - key, TAPOS_KEYS);
    Block block = block(number, false);
    return block != null && Arrays.equals(block.tapos(), refHash) ? block : null;
  }

  /** What a /wallet read and a broadcast's checks see: the pending state, else the head. */
  synchronized Ledger stateLedger() {
    return pending != null ? pending : head;
  }

  /** Runs `read` against the solidified or the current ledger while no block is being produced. */
  synchronized <T> T read(boolean solidified, Function<Ledger, T> read) {
    return read.apply(solidified ? solid : stateLedger());
  }

  /** A pooled transaction as the pending state ran it (its ret set), or null. */
  synchronized ChainTx pendingTransaction(String txid) {
    return pendingRuns.get(txid);
  }

  synchronized int pendingCount() {
    return pool.size();
  }

  synchronized boolean knows(String txid) {
    return pool.contains(txid) || included.containsKey(txid);
  }

  /** Admits a transaction to the pool, or says why a node would refuse it. */
  synchronized BroadcastResult submit(PendingTx tx, Signatures.Recovered recovered,
      boolean holdBack, boolean discard) {
    BroadcastResult refusal = admission.refusal(tx, recovered, this);
    if (refusal != null) {
      return refusal;
    }
    if (!discard) {
      pool.add(tx, holdBack);
      runPending(tx);
    }
    return BroadcastResult.accepted(tx.txid());
  }

  /** Produces the next block at wall-clock time `now`, including what the pool holds. */
  synchronized Block produceBlock(long now) {
    Block parent = headBlock();
    long number = parent.number() + 1;
    long time = Math.max(now, parent.timestamp() + 1);
    Ledger.Writes blockWrites = new Ledger.Writes();
    List<ChainTx> transactions = new ArrayList<>();
    List<UsdtTransfer> transfers = new ArrayList<>();
    for (PendingTx pending : pool.takeForBlock(time, options.maxTransactionsPerBlock())) {
      Executor.Executed executed = executor.execute(pending, head, number, time);
      if (executed != null) {
        head.apply(executed.writes());
        blockWrites.addAll(executed.writes());
        transactions.add(executed.tx());
        if (executed.transfer() != null) {
          transfers.add(executed.transfer());
        }
      }
    }
    Block block = forge.next(parent, time, transactions);
    blocks.add(block);
    transactions.forEach(tx -> included.put(tx.txid(), tx));
    journal.addAll(transfers);
    unsolidified.put(number, blockWrites);
    Ledger.Writes solidified = unsolidified.remove(number - options.solidificationDepth());
    if (solidified != null) {
      solid.apply(solidified);
    }
    if (pending != null) {
      pending = Ledger.over(head);
      pendingRuns.clear();
      pool.all().forEach(this::runPending);
    }
    return block;
  }

  /** Runs a pooled transaction on the pending state, as java-tron does when it accepts one. */
  private void runPending(PendingTx tx) {
    if (pending == null) {
      return;
    }
    Block parent = headBlock();
    Executor.Executed run = executor.execute(tx, pending, parent.number() + 1, parent.timestamp());
    if (run != null) {
      pending.apply(run.writes());
      pendingRuns.put(tx.txid(), run.tx());
    }
  }

  /** Mints TRX and/or USDT to an address out of band, on every view of the chain at once. */
  synchronized void fund(TronAddress address, long trxSun, long usdtUnits) {
    long now = headBlock().timestamp();
    credit(head, address, trxSun, usdtUnits, now);
    credit(solid, address, trxSun, usdtUnits, now);
    unsolidified.values().forEach(writes -> writes.credit(address, trxSun, usdtUnits));
    if (pending != null) {
      pending.creditLayer(address, trxSun, usdtUnits);
    }
  }

  private static void credit(Ledger ledger, TronAddress address, long trxSun, long usdtUnits,
      long now) {
    Ledger.Writes writes = new Ledger.Writes();
    if (trxSun > 0) {
      Account account = ledger.account(address);
      writes.put((account == null ? Account.create(address, now) : account).credit(trxSun));
    }
    if (usdtUnits > 0) {
      writes.putUsdt(address, Math.addExact(ledger.usdt(address), usdtUnits));
    }
    ledger.apply(writes);
  }

  synchronized List<UsdtTransfer> journal() {
    return List.copyOf(journal);
  }

  synchronized List<AccountBalance> balances() {
    List<AccountBalance> balances = new ArrayList<>();
    for (TronAddress address : head.addresses()) {
      balances.add(balance(address));
    }
    return balances;
  }

  synchronized AccountBalance balance(TronAddress address) {
    Account account = head.account(address);
    return new AccountBalance(address.base58(), account == null ? 0 : account.balance(),
        head.usdt(address));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
