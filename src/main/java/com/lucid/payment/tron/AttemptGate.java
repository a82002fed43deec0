package com.lucid.payment.tron;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.seal.PayoutSeal;
import com.lucid.payment.tron.api.AttemptRef;
import com.lucid.payment.tron.api.SealedPayout;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.chain.ChainDataException;
import com.lucid.payment.tron.chain.ExpectedTransfer;
import com.lucid.payment.tron.chain.Hex;
import com.lucid.payment.tron.chain.SignedTransfer;
import com.lucid.payment.tron.chain.TransferCheck;
import com.lucid.payment.tron.chain.TransferMismatch;
import com.lucid.payment.tron.chain.TronAddress;
import java.util.List;
import org.tron.trident.proto.Chain;

/**
 * What the TRON client checks before it signs, broadcasts or judges anything for a payout: the payout's seal, the
 * attempt's seal, and that the stored bytes are a transaction of exactly that payout signed by the hot wallet. The
 * store is not trusted: whatever fails here is an integrity violation, never a transfer.
 */
final class AttemptGate {
  private final PayoutSeal seal;
  private final TronAddress hotWallet;
  private final TronAddress usdt;

  AttemptGate(PayoutSeal seal, TronAddress hotWallet, TronAddress usdt) {
    this.seal = seal;
    this.hotWallet = hotWallet;
    this.usdt = usdt;
  }

  /** @throws ApiFailure INTEGRITY_VIOLATION unless the payout's seal holds and it pays someone else in USDT */
  void payout(SealedPayout p) {
    if (!seal.holds(p)) {
      throw violation(p.payoutId(), "its seal does not match its fields");
    }
    if (!p.usdtContract().equals(usdt)) {
      throw violation(p.payoutId(), "it names another token contract than this service's USDT");
    }
    if (p.recipient().equals(hotWallet) || p.recipient().equals(usdt)) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "the recipient is the hot wallet or the USDT contract");
    }
  }

  /**
   * Checks a stored attempt of a sealed payout end to end.
   *
   * @return what a proof of its death needs
   * @throws ApiFailure INTEGRITY_VIOLATION when any check fails
   */
  ChainEvidence.Suspect attempt(AttemptRef ref) {
    SealedPayout p = ref.payout();
    SignedAttempt a = ref.attempt();
    payout(p);
    if (!a.payoutId().equals(p.payoutId()) || !seal.holds(a)) {
      throw violation(p.payoutId(), "attempt " + a.attempt() + " does not carry this service's seal");
    }
    SignedTransfer signed;
    try {
      signed = SignedTransfer.fromTransactionHex(a.transactionHex());
    } catch (ChainDataException e) {
      throw violation(p.payoutId(), "attempt " + a.attempt() + " is not a signed transaction: " + e.getMessage());
    }
    // the fee limit was the cap's when it was signed (the cap may have changed since); the expiration is the sealed one
    ExpectedTransfer expected = new ExpectedTransfer(hotWallet, usdt, p.recipient(), p.amount(), Long.MAX_VALUE,
        a.expirationMs() - 1, 1);
    List<TransferMismatch> mismatches = TransferCheck.verify(signed, expected);
    if (!signed.txid().equalsIgnoreCase(a.txid()) || !mismatches.isEmpty()) {
      throw violation(p.payoutId(), "attempt " + a.attempt() + "'s transaction is not this payout's: " + mismatches);
    }
    Chain.Transaction.raw raw = parse(signed);
    byte[] refBytes = raw.getRefBlockBytes().toByteArray();
    if (refBytes.length != 2 || (((refBytes[0] & 0xFF) << 8) | (refBytes[1] & 0xFF)) != (a.refBlockNumber() & 0xFFFF)) {
      throw violation(p.payoutId(), "attempt " + a.attempt() + "'s reference block is not the one it was signed on");
    }
    return new ChainEvidence.Suspect(signed.txid(), a.expirationMs(), a.refBlockNumber(),
        Hex.encode(raw.getRefBlockHash().toByteArray()));
  }

  private static Chain.Transaction.raw parse(SignedTransfer signed) {
    try {
      return Chain.Transaction.raw.parseFrom(signed.rawData());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new ChainDataException("raw_data is not a Transaction.raw", e);
    }
  }

  static ApiFailure violation(String payoutId, String why) {
    return new ApiFailure(ErrorCode.INTEGRITY_VIOLATION, "payout " + payoutId + ": " + why);
  }
}
