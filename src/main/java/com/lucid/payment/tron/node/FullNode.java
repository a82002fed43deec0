package com.lucid.payment.tron.node;

import com.lucid.payment.tron.chain.ChainDataException;
import com.lucid.payment.tron.chain.Hex;
import com.lucid.payment.tron.chain.Trc20Abi;
import com.lucid.payment.tron.chain.TronAddress;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import com.lucid.payment.tron.chain.VerifiedBlock;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/** Typed calls of the TRON full-node HTTP API (hex addresses, visible=false) over the {@link NodeClient}. */
public final class FullNode {
  /** How long the chain parameters (the energy price) are reused. */
  public static final long CHAIN_PARAMETERS_TTL_MS = 5 * 60_000L;
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /** java-tron answers getblockbylimitnext with at most 100 blocks; fewer keep each answer small on mainnet. */
  public static final int BLOCKS_PER_READ = 20;

  private final NodeClient client;
  private final LongSupplier clock;
  private final ChainRules rules;
  /** What each node (by index) has said of its chain so far. */
  private final Map<Integer, ChainView> views = new HashMap<>();
  /** Head and solidified-head reads, each shared by every caller that asks while one is in flight. */
  private final SharedRead<BlockRef> head;
  private final SharedRead<BlockRef> solid;
  private final ConstantCalls constantCalls;
  private final EnergyEstimate energy;
  private ChainFees fees;
  private long feesReadAtMs = Long.MIN_VALUE;

  public FullNode(NodeClient client, LongSupplier clock, ChainRules rules) {
    this.client = client;
    this.clock = clock;
    this.rules = rules;
    this.constantCalls = new ConstantCalls(client);
    this.energy = new EnergyEstimate(constantCalls, clock);
    this.head = new SharedRead<>(() -> client.post("getnowblock", "/wallet/getnowblock", new JsonObject())
        .map(a -> believed(a, false, "getnowblock")));
    this.solid = new SharedRead<>(() -> client.post("getnowblock_solid", "/walletsolidity/getnowblock",
        new JsonObject()).map(a -> believed(a, true, "getnowblock_solid")));
  }

  /**
   * The answer's block if it holds together and is consistent with what its node said before; otherwise the node's
   * breaker counts it and the read fails, so nothing is decided on it.
   */
  private BlockRef believed(NodeAnswer answer, boolean solidified, String operation) {
    BlockRef block;
    try {
      block = BlockRef.parse(answer);
    } catch (ChainDataException.Uncheckable e) {
      throw e;
    } catch (ChainDataException e) {
      client.distrust(answer.node(), operation, e.getMessage());
      throw new ChainDataException.Disbelieved("TRON node " + (answer.node() + 1) + " is not believed: "
          + e.getMessage());
    }
    ChainView view = views.computeIfAbsent(block.node(),
        n -> new ChainView(rules.minBlockIntervalMs(), rules.clockSkewMs(), clock));
    Optional<String> why = solidified ? view.solid(block) : view.head(block);
    if (why.isPresent()) {
      client.distrust(block.node(), operation, why.get());
      throw new ChainDataException.Disbelieved("TRON node " + (block.node() + 1) + " is not believed: " + why.get());
    }
    return block;
  }

  public ChainRules rules() {
    return rules;
  }

  public int nodeCount() {
    return client.nodeCount();
  }

  /** The head block of one node, believed as {@link #headBlock} is. */
  public Future<BlockRef> headBlockOf(int node) {
    return client.postTo(node, "getnowblock", "/wallet/getnowblock", new JsonObject())
        .map(a -> believed(a, false, "getnowblock"));
  }

  /** The solidified head of one node, believed as {@link #solidBlock} is. */
  public Future<BlockRef> solidBlockOf(int node) {
    return client.postTo(node, "getnowblock_solid", "/walletsolidity/getnowblock", new JsonObject())
        .map(a -> believed(a, true, "getnowblock_solid"));
  }

  /**
   * Solidified blocks {@code from} (inclusive) to {@code to} (exclusive, at most {@link #BLOCKS_PER_READ} on), each
   * checked against itself ({@link VerifiedBlock}), in order. A node that does not have them all answers fewer.
   */
  public Future<List<VerifiedBlock>> solidBlocks(int node, long from, long to) {
    return client.postTo(node, "getblockbylimitnext_solid", "/walletsolidity/getblockbylimitnext",
        new JsonObject().put("startNum", from).put("endNum", to)).map(a -> {
          List<VerifiedBlock> blocks = new ArrayList<>();
          for (Object o : a.body().getJsonArray("block", new JsonArray())) {
            if (!(o instanceof JsonObject block)) {
              throw new ChainDataException("getblockbylimitnext: a block is not an object");
            }
            blocks.add(VerifiedBlock.parse(block));
          }
          return blocks;
        });
  }

  /** One solidified block, checked against itself; empty when the node does not have it (yet). */
  public Future<Optional<VerifiedBlock>> solidBlock(int node, long number) {
    return client.postTo(node, "getblockbynum_solid", "/walletsolidity/getblockbynum",
        new JsonObject().put("num", number))
        .map(a -> a.body().isEmpty() ? Optional.<VerifiedBlock>empty() : Optional.of(VerifiedBlock.parse(a.body())));
  }

  public NodeClient client() {
    return client;
  }

  /**
   * The head block (/wallet/getnowblock): may still be reorganised. Callers that ask while a read is in flight
   * share its answer, which is never older than their question.
   */
  public Future<BlockRef> headBlock() {
    return head.get();
  }

  /** The latest solidified (irreversible) block (/walletsolidity/getnowblock), shared like {@link #headBlock}. */
  public Future<BlockRef> solidBlock() {
    return solid.get();
  }

  /** The head view of a transaction (/wallet/gettransactioninfobyid): may lie or be reorganised. */
  public Future<Optional<TransactionInfo>> transactionInfo(String txid) {
    return client.post("gettransactioninfobyid", "/wallet/gettransactioninfobyid", new JsonObject().put("value", txid))
        .map(a -> TransactionInfo.parse(a.body(), txid));
  }

  /** The solidified view of a transaction, asked of one node (the one whose solidified head was read). */
  public Future<Optional<TransactionInfo>> solidTransactionInfo(String txid, int node) {
    return client.postTo(node, "gettransactioninfobyid_solid", "/walletsolidity/gettransactioninfobyid",
        new JsonObject().put("value", txid)).map(a -> TransactionInfo.parse(a.body(), txid));
  }

  /** TRX balance in sun; 0 for an account that does not exist yet. */
  public Future<Long> trxBalance(TronAddress address) {
    return client.post("getaccount", "/wallet/getaccount", new JsonObject().put("address", address.hex()))
        .map(a -> a.body().getLong("balance", 0L));
  }

  public Future<AccountResources> accountResources(TronAddress address) {
    return client.post("getaccountresource", "/wallet/getaccountresource",
        new JsonObject().put("address", address.hex())).map(a -> AccountResources.parse(a.body()));
  }

  /** The chain's sun per energy unit (getEnergyFee), cached for a few minutes. */
  public Future<Long> energyFeeSun() {
    return chainFees().map(ChainFees::energyFeeSun);
  }

  /** getEnergyFee and getMaxFeeLimit, read together and cached for a few minutes. */
  public Future<ChainFees> chainFees() {
    long now = clock.getAsLong();
    if (feesReadAtMs != Long.MIN_VALUE && now - feesReadAtMs < CHAIN_PARAMETERS_TTL_MS) {
      return Future.succeededFuture(fees);
    }
    return client.post("getchainparameters", "/wallet/getchainparameters", new JsonObject()).map(a -> {
      fees = ChainFees.parse(a.body());
      feesReadAtMs = now;
      return fees;
    });
  }

  /**
   * USDT balanceOf(owner) at the head, by a constant call, in base units: on java-tron this includes what was
   * broadcast and is not yet in a block; a node without that pending state shows the head block's state.
   */
  public Future<Long> usdtBalance(TronAddress usdt, TronAddress owner) {
    return constantCalls.call("balanceof", "/wallet/triggerconstantcontract", balanceOf(usdt, owner))
        .map(FullNode::balance);
  }

  /**
   * USDT balanceOf(owner) at the solidified block, asked of the node whose solidified head is the highest believed
   * so far: its state already holds every transfer any node showed solidified before this call (a confirmation
   * judged on one node is never missing from a balance read on a lagging other), and it is the same whether or not a
   * node shows pending state.
   */
  public Future<Long> usdtSolidBalance(TronAddress usdt, TronAddress owner) {
    return solidBlock().compose(known -> constantCalls.callOn(mostSolidNode(known.node()), "balanceof_solid",
        "/walletsolidity/triggerconstantcontract", balanceOf(usdt, owner))).map(FullNode::balance);
  }

  private int mostSolidNode(int fallback) {
    int best = fallback;
    long highest = -1;
    for (Map.Entry<Integer, ChainView> view : views.entrySet()) {
      if (view.getValue().solidNumber() > highest) {
        highest = view.getValue().solidNumber();
        best = view.getKey();
      }
    }
    return best;
  }

  private static JsonObject balanceOf(TronAddress usdt, TronAddress owner) {
    return new JsonObject().put("owner_address", owner.hex()).put("contract_address", usdt.hex())
        .put("function_selector", Trc20Abi.BALANCE_OF_SIGNATURE)
        .put("parameter", Trc20Abi.balanceOfParameterHex(owner));
  }

  private static long balance(NodeAnswer answer) {
    JsonArray constant = answer.body().getJsonArray("constant_result", new JsonArray());
    if (!ConstantCalls.ran(answer.body()) || constant.isEmpty() || !Hex.isHex(constant.getString(0), 64)) {
      throw new ChainDataException("balanceOf failed: " + ConstantCalls.message(answer.body()));
    }
    BigInteger balance = new BigInteger(1, Hex.decode(constant.getString(0)));
    return balance.compareTo(LONG_MAX) > 0 ? Long.MAX_VALUE : balance.longValueExact();
  }

  /** Energy a USDT transfer would use, as {@link EnergyEstimate} finds it; 0 when no node knows. */
  public Future<Long> transferEnergy(TronAddress usdt, TronAddress owner, TronAddress recipient, long amount) {
    return energy.of(new JsonObject().put("owner_address", owner.hex()).put("contract_address", usdt.hex())
        .put("function_selector", Trc20Abi.TRANSFER_SIGNATURE)
        .put("parameter", Trc20Abi.transferParameterHex(recipient, amount)));
  }

  /** Sends exactly these signed bytes; busy or non-relaying nodes send it to the next node. */
  public Future<BroadcastReply> broadcastHex(String transactionHex) {
    return client.post("broadcasthex", "/wallet/broadcasthex", new JsonObject().put("transaction", transactionHex),
        AnswerPolicy.BROADCAST).map(a -> BroadcastReply.parse(a.body()));
  }

  /** The node-built, unsigned FreezeBalanceV2 transaction (JSON with txID and raw_data_hex); verify before signing. */
  public Future<JsonObject> freezeBalanceV2(TronAddress owner, long amountSun, String resource) {
    return client.post("freezebalancev2", "/wallet/freezebalancev2", new JsonObject()
        .put("owner_address", owner.hex()).put("frozen_balance", amountSun).put("resource", resource))
        .map(NodeAnswer::body);
  }
}
