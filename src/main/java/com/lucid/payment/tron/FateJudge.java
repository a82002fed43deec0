package com.lucid.payment.tron;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.tron.api.AttemptFate;
import com.lucid.payment.tron.api.AttemptRef;
import com.lucid.payment.tron.api.PaymentClaim;
import com.lucid.payment.tron.api.SealedPayout;
import com.lucid.payment.tron.chain.ChainDataException;
import com.lucid.payment.tron.chain.TransferLog;
import com.lucid.payment.tron.chain.TronAddress;
import com.lucid.payment.tron.node.BlockRef;
import com.lucid.payment.tron.node.FullNode;
import com.lucid.payment.tron.node.TransactionInfo;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Decides what became of an attempt. Only the solidified view decides Confirmed, Failed and Expired. The solidified
 * head is read first and the transaction is then asked of that same node, so "not there" is never the answer of a
 * node that lags behind the head we read. A failure and an expiry free the payout for a new signature, so neither is
 * taken from one answer: both need {@link ChainEvidence} from every node, and are written to the signer's journal.
 */
final class FateJudge {
  private static final long MAX_BLOCKS_TO_GO = 1_000_000;
  private final FullNode node;
  private final ChainEvidence evidence;
  private final JournalWrites journal;
  private final TronAddress hotWallet;
  private final int extraConfirmations;
  private final LongSupplier clock;
  /** The first solidified head this judge saw: with a later one, the chain's average block interval. */
  private BlockRef firstSolid;

  FateJudge(FullNode node, ChainEvidence evidence, JournalWrites journal, TronAddress hotWallet,
      int extraConfirmations, LongSupplier clock) {
    this.node = node;
    this.evidence = evidence;
    this.journal = journal;
    this.hotWallet = hotWallet;
    this.extraConfirmations = extraConfirmations;
    this.clock = clock;
  }

  /** The attempt must have passed {@link AttemptGate#attempt}: {@code suspect} is what it yielded. */
  Future<AttemptFate> fate(AttemptRef ref, ChainEvidence.Suspect suspect) {
    SealedPayout payout = ref.payout();
    return node.solidBlock().compose(solid -> {
      if (firstSolid == null) {
        firstSolid = solid;
      }
      return node.solidTransactionInfo(suspect.txid(), solid.node()).compose(info -> {
        if (info.isPresent()) {
          return settled(payout, suspect.txid(), judgeSolidified(info.get(), solid, payout));
        }
        if (clock.getAsLong() < suspect.expirationMs() + node.rules().clockSkewMs()) {
          return node.transactionInfo(suspect.txid()).map(head -> head
              .<AttemptFate>map(i -> included(i.blockNumber(), solid))
              .orElseGet(AttemptFate.Unknown::new));
        }
        return evidence.expired(suspect).compose(verdict -> {
          if (verdict instanceof ChainEvidence.Verdict.Dead dead) {
            return journal.dead(payout.payoutId(), suspect.txid(), true)
                .map(new AttemptFate.Expired(dead.solidTimestampMs()));
          }
          if (verdict instanceof ChainEvidence.Verdict.OnChain on) {
            return Future.succeededFuture(included(on.block(), solid));
          }
          return Future.succeededFuture(new AttemptFate.Undecided(((ChainEvidence.Verdict.Open) verdict).why()));
        });
      });
    });
  }

  /**
   * An operator's txid for a payout: Confirmed only when the solidified chain shows exactly this payout's transfer
   * from the hot wallet, in a block every node holds it in with SUCCESS.
   */
  Future<AttemptFate.Confirmed> claim(PaymentClaim claim) {
    return node.solidBlock().compose(solid -> node.solidTransactionInfo(claim.txid(), solid.node())
        .compose(info -> {
          AttemptFate fate = info.map(i -> judgeSolidified(i, solid, claim.payout()))
              .orElse(new AttemptFate.Undecided("no node shows the transaction solidified"));
          if (!(fate instanceof AttemptFate.Confirmed confirmed)) {
            return Future.failedFuture(new ApiFailure(ErrorCode.INVALID_REQUEST, "the chain does not show txid "
                + claim.txid() + " paying this payout: " + describe(fate)));
          }
          return evidence.inBlock(claim.txid(), confirmed.block(), "SUCCESS").compose(v ->
              v instanceof ChainEvidence.Verdict.OnChain
                  ? journal.closed(claim.payout().payoutId()).map(confirmed)
                  : Future.failedFuture(new ApiFailure(ErrorCode.UNAVAILABLE, "not every node shows txid "
                      + claim.txid() + " in block " + confirmed.block() + ": " + ((ChainEvidence.Verdict.Open) v).why())));
        }));
  }

  /** A final answer from one node: a failure is believed only when every node's block shows it. */
  private Future<AttemptFate> settled(SealedPayout payout, String txid, AttemptFate fate) {
    if (fate instanceof AttemptFate.Confirmed) {
      return journal.closed(payout.payoutId()).map(fate);
    }
    if (fate instanceof AttemptFate.Failed failed) {
      return evidence.inBlock(txid, failed.block(), failed.result()).compose(v -> v
          instanceof ChainEvidence.Verdict.OnChain
          ? journal.dead(payout.payoutId(), txid, false).map(fate)
          : Future.succeededFuture(new AttemptFate.Undecided("the failure is not shown by every node: "
              + ((ChainEvidence.Verdict.Open) v).why())));
    }
    return Future.succeededFuture(fate);
  }

  private static String describe(AttemptFate fate) {
    if (fate instanceof AttemptFate.Mismatch m) {
      return m.why();
    }
    if (fate instanceof AttemptFate.Undecided u) {
      return u.why();
    }
    return fate.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  /** Included at {@code block}: final once the solidified head is {@code extraConfirmations} past it. */
  private AttemptFate included(long block, BlockRef solid) {
    // a head view that lies about the block must not overflow the estimate: the worker caps the wait anyway
    long blocksToGo = Math.min(MAX_BLOCKS_TO_GO, Math.max(1, block + extraConfirmations - solid.number()));
    long spanBlocks = solid.number() - firstSolid.number();
    long spanMs = solid.timestampMs() - firstSolid.timestampMs();
    long finalInMs = spanBlocks > 0 && spanMs > 0 ? Math.multiplyExact(blocksToGo, spanMs) / spanBlocks : 0;
    return new AttemptFate.Included(block, finalInMs);
  }

  private AttemptFate judgeSolidified(TransactionInfo info, BlockRef solid, SealedPayout payout) {
    long solidBlock = Math.max(solid.number(), info.blockNumber());
    if (solidBlock - info.blockNumber() < extraConfirmations) {
      return included(info.blockNumber(), solid);
    }
    List<TransferLog> transfers;
    try {
      transfers = transferLogs(info);
    } catch (ChainDataException e) {
      return new AttemptFate.Mismatch("malformed Transfer log: " + e.getMessage());
    }
    boolean success = "SUCCESS".equals(info.receiptResult());
    if (!success) {
      if (transfers.stream().anyMatch(t -> t.from().equals(hotWallet))) {
        return new AttemptFate.Mismatch("receipt " + info.receiptResult() + " yet a Transfer from the hot wallet");
      }
      String result = info.receiptResult().isEmpty() ? "FAILED" : info.receiptResult();
      return new AttemptFate.Failed(info.blockNumber(), result, info.resMessage(), info.feeSun());
    }
    if (info.failed()) {
      return new AttemptFate.Mismatch("receipt SUCCESS but the transaction result is FAILED");
    }
    Optional<String> why = mismatch(transfers, payout);
    if (why.isPresent()) {
      return new AttemptFate.Mismatch(why.get());
    }
    return new AttemptFate.Confirmed(info.blockNumber(), info.blockTimestampMs(), info.feeSun(),
        info.energyUsageTotal(), info.netUsage(), solidBlock);
  }

  private Optional<String> mismatch(List<TransferLog> transfers, SealedPayout payout) {
    if (transfers.size() != 1) {
      return Optional.of("expected one Transfer log, found " + transfers.size());
    }
    TransferLog t = transfers.get(0);
    if (!t.token().equals(payout.usdtContract())) {
      return Optional.of("the Transfer log is from token " + t.token() + ", not USDT " + payout.usdtContract());
    }
    if (!t.from().equals(hotWallet) || !t.to().equals(payout.recipient())) {
      return Optional.of("the Transfer log moves from " + t.from() + " to " + t.to() + ", not from the hot wallet "
          + hotWallet + " to " + payout.recipient());
    }
    if (t.amount() != payout.amount()) {
      return Optional.of("the Transfer log moves " + t.amount() + " base units, not " + payout.amount());
    }
    return Optional.empty();
  }

  private static List<TransferLog> transferLogs(TransactionInfo info) {
    List<TransferLog> out = new ArrayList<>();
    for (TransactionInfo.Log log : info.logs()) {
      TransferLog.decode(log.address(), log.topics(), log.data()).ifPresent(out::add);
    }
    return out;
  }
}
