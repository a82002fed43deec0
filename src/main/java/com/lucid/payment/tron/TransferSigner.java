package com.lucid.payment.tron;

import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.api.TransferOrder;
import com.lucid.payment.tron.chain.ExpectedTransfer;
import com.lucid.payment.tron.chain.FeeLimit;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.chain.SignedTransfer;
import com.lucid.payment.tron.chain.TransferCheck;
import com.lucid.payment.tron.chain.TransferMismatch;
import com.lucid.payment.tron.chain.TransferRequest;
import com.lucid.payment.tron.chain.Trc20Transfers;
import com.lucid.payment.tron.chain.TronAddress;
import com.lucid.payment.tron.chain.UnsignedTransfer;
import com.lucid.payment.tron.node.BlockRef;
import com.lucid.payment.tron.node.FullNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Builds a payout attempt locally (TaPoS on the solidified block, expiration = head time + the window, fee_limit
 * from the energy estimate), checks it field by field against the order, signs it and checks the signature. It
 * never broadcasts: the caller persists the attempt first.
 */
final class TransferSigner {
  /** How far a node's head block time may run ahead of this host's clock. */
  static final long CLOCK_SKEW_MS = 30_000;

  private final Vertx vertx;
  private final FullNode node;
  private final HotWallet wallet;
  private final TronAddress usdt;
  private final ServiceConfig.Transfers transfers;
  private final LongSupplier clock;

  TransferSigner(Vertx vertx, FullNode node, HotWallet wallet, TronAddress usdt, ServiceConfig.Transfers transfers,
      LongSupplier clock) {
    this.vertx = vertx;
    this.node = node;
    this.wallet = wallet;
    this.usdt = usdt;
    this.transfers = transfers;
    this.clock = clock;
  }

  Future<SignedAttempt> sign(TransferOrder order) {
    if (order.recipient().equals(wallet.address()) || order.recipient().equals(usdt)) {
      return Future.failedFuture(TronFailures.invalid("the recipient is the hot wallet or the USDT contract"));
    }
    Future<BlockRef> head = node.headBlock();
    Future<BlockRef> solid = node.solidBlock();
    Future<Long> energyFee = node.energyFeeSun();
    Future<Long> energy = node.transferEnergy(usdt, wallet.address(), order.recipient(), order.amount());
    return Future.all(head, solid, energyFee, energy)
        .compose(all -> vertx.executeBlocking(() -> build(order, head.result(), solid.result(), energyFee.result(),
            energy.result()), false));
  }

  private SignedAttempt build(TransferOrder order, BlockRef head, BlockRef solid, long energyFee, long energy) {
    long now = clock.getAsLong();
    if (solid.number() > head.number()) {
      throw TronFailures.unavailable("the TRON nodes disagree: solidified block " + solid.number()
          + " is above head block " + head.number());
    }
    if (head.timestampMs() > now + CLOCK_SKEW_MS) {
      throw TronFailures.unavailable("the TRON head block time is ahead of this host's clock");
    }
    long expiration = head.timestampMs() + transfers.expirationMs();
    if (expiration - now < transfers.expirationMs() / 2) {
      throw TronFailures.unavailable("the TRON head block is stale (block " + head.number() + "): not signing");
    }
    int margin = Math.multiplyExact(transfers.feeMarginPercent(), order.feeLimitPercent()) / 100;
    long feeLimit = FeeLimit.compute(energy, energyFee, margin, transfers.feeLimitCapSun());
    TransferRequest request = new TransferRequest(wallet.address(), usdt, order.recipient(), order.amount(), feeLimit,
        solid.number(), solid.blockId(), expiration, now);
    ExpectedTransfer expected = new ExpectedTransfer(wallet.address(), usdt, order.recipient(), order.amount(),
        transfers.feeLimitCapSun(), now, transfers.expirationMs() + CLOCK_SKEW_MS);
    UnsignedTransfer unsigned = Trc20Transfers.build(request);
    refuseOnMismatch(TransferCheck.verify(unsigned, expected));
    SignedTransfer signed = wallet.sign(unsigned);
    refuseOnMismatch(TransferCheck.verify(signed, expected));
    return new SignedAttempt(order.payoutId(), order.attempt(), signed.txid(), signed.transactionHex(), expiration,
        feeLimit, solid.number(), now);
  }

  private static void refuseOnMismatch(List<TransferMismatch> mismatches) {
    if (!mismatches.isEmpty()) {
      throw TronFailures.refused("refused to sign: " + mismatches);
    }
  }
}
