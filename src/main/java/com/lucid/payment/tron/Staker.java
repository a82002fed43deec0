package com.lucid.payment.tron;

import com.google.protobuf.ByteString;
import com.lucid.payment.tron.api.StakeOrder;
import com.lucid.payment.tron.api.StakeResult;
import com.lucid.payment.tron.chain.Hashes;
import com.lucid.payment.tron.chain.Hex;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.node.FullNode;
import com.lucid.payment.tron.node.NodeErrorException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.LongSupplier;
import org.tron.trident.proto.Chain;

/** Stakes hot-wallet TRX for energy or bandwidth: node-built FreezeBalanceV2, verified, signed, broadcast. */
final class Staker {
  /** The node builds the transaction with its own window (java-tron: 60 s), not ours. */
  private static final long NODE_WINDOW_MS = 60_000;

  private final Vertx vertx;
  private final FullNode node;
  private final HotWallet wallet;
  private final long windowMs;
  private final LongSupplier clock;

  Staker(Vertx vertx, FullNode node, HotWallet wallet, long windowMs, LongSupplier clock) {
    this.vertx = vertx;
    this.node = node;
    this.wallet = wallet;
    this.windowMs = Math.max(windowMs, NODE_WINDOW_MS);
    this.clock = clock;
  }

  Future<StakeResult> stake(StakeOrder order) {
    return node.freezeBalanceV2(wallet.address(), order.amountSun(), order.resource())
        .recover(err -> Future.failedFuture(err instanceof NodeErrorException
            ? TronFailures.invalid("the node refused the stake: " + err.getMessage()) : err))
        .compose(tx -> vertx.executeBlocking(() -> {
          long now = clock.getAsLong();
          byte[] raw = StakeCheck.verify(tx, order, wallet.address(), now, now + windowMs + node.rules().clockSkewMs());
          byte[] txid = Hashes.sha256(raw);
          Chain.Transaction signed = Chain.Transaction.newBuilder()
              .setRawData(Chain.Transaction.raw.parseFrom(raw))
              .addSignature(ByteString.copyFrom(wallet.sign(txid)))
              .build();
          return new String[] {Hex.encode(txid), Hex.encode(signed.toByteArray())};
        }, false))
        .compose(pair -> node.broadcastHex(pair[1]).map(reply -> {
          if (reply.accepted() || "DUP_TRANSACTION_ERROR".equals(reply.code())) {
            return new StakeResult(pair[0]);
          }
          throw TronFailures.refused("the node rejected the stake: " + reply.code() + " " + reply.message());
        }));
  }
}
