package com.lucid.payment.tron;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.seal.PayoutSeal;
import com.lucid.payment.tron.api.SealedPayout;
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
import com.lucid.payment.tron.node.ChainFees;
import com.lucid.payment.tron.node.FullNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Builds a payout attempt locally (TaPoS on the solidified block, expiration = head time + the window, fee_limit
 * from the energy estimate), checks it field by field against the sealed payout, signs it, checks the signature,
 * and writes it to the signing journal before answering. It signs for a payout only while nothing it signed for that
 * payout before may still land (each proven dead on chain), never for a settled payout, and not past the cap of
 * re-signs after expiry unless an admin granted more. It never broadcasts: the caller persists the attempt first.
 */
final class TransferSigner {
  /** The hold reason of a payout the signer will not sign again without an admin's decision. */
  static final String NEEDS_REVIEW = "needs_review";
  private static final Logger LOG = Logger.getLogger(TransferSigner.class.getName());

  private final Vertx vertx;
  private final FullNode node;
  private final HotWallet wallet;
  private final TronAddress usdt;
  private final ServiceConfig.Transfers transfers;
  private final PayoutSeal seal;
  private final JournalWrites journal;
  private final ChainEvidence evidence;
  private final LongSupplier clock;
  /** The getMaxFeeLimit the clamp of the cap was last logged for. */
  private long clampLoggedFor = -1;

  TransferSigner(Vertx vertx, FullNode node, HotWallet wallet, TronAddress usdt, ServiceConfig.Transfers transfers,
      PayoutSeal seal, JournalWrites journal, ChainEvidence evidence, LongSupplier clock) {
    this.vertx = vertx;
    this.node = node;
    this.wallet = wallet;
    this.usdt = usdt;
    this.transfers = transfers;
    this.seal = seal;
    this.journal = journal;
    this.evidence = evidence;
    this.clock = clock;
  }

  /** The order's payout must have passed {@link AttemptGate#payout}. */
  Future<SignedAttempt> sign(TransferOrder order) {
    String payoutId = order.payout().payoutId();
    SigningJournal.Payout known = journal.journal().of(payoutId);
    if (known.closed()) {
      return Future.failedFuture(AttemptGate.violation(payoutId,
          "it is settled (confirmed, failed or cancelled) yet the store asks for a new signature"));
    }
    return earlierSignaturesDead(payoutId, known.live()).compose(v -> {
      SigningJournal.Payout now = journal.journal().of(payoutId);
      if (now.expired() > (long) transfers.maxExpiryResigns() + now.grants()) {
        return Future.failedFuture(new ApiFailure(ErrorCode.INVALID_STATE, "payout " + payoutId + ": its attempts "
            + "expired " + now.expired() + " times; it needs review", new JsonObject().put("hold_reason", NEEDS_REVIEW)));
      }
      Future<BlockRef> head = node.headBlock();
      Future<BlockRef> solid = node.solidBlock();
      Future<ChainFees> fees = node.chainFees();
      Future<Long> energy = node.transferEnergy(usdt, wallet.address(), order.payout().recipient(),
          order.payout().amount());
      return Future.all(head, solid, fees, energy).compose(all -> {
        long cap = feeLimitCap(fees.result());
        return vertx.executeBlocking(() -> build(order, head.result(), solid.result(), fees.result().energyFeeSun(),
            energy.result(), cap), false);
      });
    });
  }

  /**
   * Each signature the journal holds for the payout that is not proven dead is proven now, or the signature waits: one
   * on chain means the store lost an attempt that was sent (an integrity violation), an open question means wait.
   */
  private Future<Void> earlierSignaturesDead(String payoutId, List<SigningJournal.Signature> live) {
    Future<Void> chain = Future.succeededFuture();
    for (SigningJournal.Signature s : live) {
      chain = chain.compose(v -> evidence.expired(new ChainEvidence.Suspect(s.txid(), s.expirationMs(),
          s.refBlockNumber(), s.refHash())).compose(verdict -> {
            if (verdict instanceof ChainEvidence.Verdict.Dead) {
              return journal.dead(payoutId, s.txid(), true);
            }
            if (verdict instanceof ChainEvidence.Verdict.OnChain on) {
              return Future.failedFuture(AttemptGate.violation(payoutId, "its earlier signature " + s.txid()
                  + " is on chain in block " + on.block() + ", yet the store asks for a new one"));
            }
            return Future.failedFuture(TronFailures.unavailable("payout " + payoutId + ": an earlier signature "
                + s.txid() + " may still land, not signing again yet ("
                + ((ChainEvidence.Verdict.Open) verdict).why() + ")"));
          }));
    }
    return chain;
  }

  /**
   * The configured cap, clamped to the chain's getMaxFeeLimit: a node refuses a higher fee_limit at broadcast
   * (CONTRACT_VALIDATE_ERROR), so signing one would only waste an attempt. Said once per chain maximum.
   */
  private long feeLimitCap(ChainFees fees) {
    long configured = transfers.feeLimitCapSun();
    long cap = fees.capOf(configured);
    if (cap < configured && clampLoggedFor != fees.maxFeeLimitSun()) {
      clampLoggedFor = fees.maxFeeLimitSun();
      LOG.warning(() -> "TRON_FEE_LIMIT_CAP_TRX (" + configured + " sun) is above the chain's getMaxFeeLimit ("
          + fees.maxFeeLimitSun() + " sun): fee limits are capped at " + cap + " sun");
    }
    return cap;
  }

  private SignedAttempt build(TransferOrder order, BlockRef head, BlockRef solid, long energyFee, long energy,
      long cap) {
    long now = clock.getAsLong();
    long skew = transfers.clockSkewMs();
    if (solid.number() > head.number()) {
      throw TronFailures.unavailable("the TRON nodes disagree: solidified block " + solid.number()
          + " is above head block " + head.number());
    }
    if (head.timestampMs() > now + skew) {
      throw TronFailures.unavailable("the TRON head block time is ahead of this host's clock");
    }
    long expiration = head.timestampMs() + transfers.expirationMs();
    if (expiration - now < transfers.expirationMs() / 2) {
      throw TronFailures.unavailable("the TRON head block is stale (block " + head.number() + "): not signing");
    }
    int margin = Math.multiplyExact(transfers.feeMarginPercent(), order.feeLimitPercent()) / 100;
    long feeLimit = FeeLimit.compute(energy, energyFee, margin, cap);
    SealedPayout payout = order.payout();
    TransferRequest request = new TransferRequest(wallet.address(), usdt, payout.recipient(), payout.amount(),
        feeLimit, solid.number(), solid.blockId(), expiration, now);
    ExpectedTransfer expected = new ExpectedTransfer(wallet.address(), usdt, payout.recipient(), payout.amount(),
        cap, now, transfers.expirationMs() + skew);
    UnsignedTransfer unsigned = Trc20Transfers.build(request);
    refuseOnMismatch(TransferCheck.verify(unsigned, expected));
    SignedTransfer signed = wallet.sign(unsigned);
    refuseOnMismatch(TransferCheck.verify(signed, expected));
    // remembered before anyone can hold the bytes: whatever the store does next, this signature is accounted for
    journal.journal().signed(payout.payoutId(), signed.txid(), expiration, solid.number(),
        solid.blockId().substring(16, 32));
    return new SignedAttempt(payout.payoutId(), order.attempt(), signed.txid(), signed.transactionHex(), expiration,
        feeLimit, solid.number(), now, seal.sealAttempt(payout.payoutId(), order.attempt(), signed.txid(), expiration,
            solid.number()));
  }

  private static void refuseOnMismatch(List<TransferMismatch> mismatches) {
    if (!mismatches.isEmpty()) {
      throw TronFailures.refused("refused to sign: " + mismatches);
    }
  }
}
