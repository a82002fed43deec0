package com.lucid.payment.tron;

import com.lucid.payment.tron.api.AttemptFate;
import com.lucid.payment.tron.api.FateQuery;
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

/**
 * Decides what became of an attempt. Only the solidified view decides Confirmed, Failed and Expired. The solidified
 * head is read first and the transaction is then asked of that same node, so "not there although the head is past
 * the expiration" is never the answer of a node that lags behind the head we read.
 */
final class FateJudge {
  private static final long MAX_BLOCKS_TO_GO = 1_000_000;
  private final FullNode node;
  private final TronAddress hotWallet;
  private final TronAddress usdt;
  private final int extraConfirmations;
  /** The first solidified head this judge saw: with a later one, the chain's average block interval. */
  private BlockRef firstSolid;

  FateJudge(FullNode node, TronAddress hotWallet, TronAddress usdt, int extraConfirmations) {
    this.node = node;
    this.hotWallet = hotWallet;
    this.usdt = usdt;
    this.extraConfirmations = extraConfirmations;
  }

  Future<AttemptFate> fate(FateQuery query) {
    return node.solidBlock().compose(solid -> {
      if (firstSolid == null) {
        firstSolid = solid;
      }
      return judge(query, solid);
    });
  }

  private Future<AttemptFate> judge(FateQuery query, BlockRef solid) {
    return node.solidTransactionInfo(query.txid(), solid.node())
        .compose(info -> {
          if (info.isPresent()) {
            return Future.succeededFuture(judgeSolidified(info.get(), solid, query));
          }
          if (solid.timestampMs() > query.expirationMs()) {
            return Future.succeededFuture(new AttemptFate.Expired(solid.timestampMs()));
          }
          return node.transactionInfo(query.txid()).map(head -> head
              .<AttemptFate>map(i -> included(i.blockNumber(), solid))
              .orElseGet(AttemptFate.Unknown::new));
        });
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

  private AttemptFate judgeSolidified(TransactionInfo info, BlockRef solid, FateQuery query) {
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
    Optional<String> why = mismatch(transfers, query);
    if (why.isPresent()) {
      return new AttemptFate.Mismatch(why.get());
    }
    return new AttemptFate.Confirmed(info.blockNumber(), info.blockTimestampMs(), info.feeSun(),
        info.energyUsageTotal(), info.netUsage(), solidBlock);
  }

  private Optional<String> mismatch(List<TransferLog> transfers, FateQuery query) {
    if (transfers.size() != 1) {
      return Optional.of("expected one Transfer log, found " + transfers.size());
    }
    TransferLog t = transfers.get(0);
    if (!t.token().equals(usdt)) {
      return Optional.of("the Transfer log is from token " + t.token() + ", not USDT " + usdt);
    }
    if (!t.from().equals(hotWallet) || !t.to().equals(query.recipient())) {
      return Optional.of("the Transfer log moves from " + t.from() + " to " + t.to() + ", not from the hot wallet "
          + hotWallet + " to " + query.recipient());
    }
    if (t.amount() != query.amount()) {
      return Optional.of("the Transfer log moves " + t.amount() + " base units, not " + query.amount());
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
