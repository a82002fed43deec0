package com.lucid.payment.devnet;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tron.trident.proto.Chain.Transaction;
import org.tron.trident.proto.Common.ResourceCode;

/** The checks a node runs before it pools a broadcast transaction, in java-tron's order. */
final class Admission {
  static final long MAX_TRANSACTION_BYTES = 500 * 1024;
  static final long MAX_EXPIRATION_AHEAD_MS = 86_400_000L;
  static final int MAX_PENDING = 100_000;
  /** Permission ids every account has without an AccountPermissionUpdate: owner and active. */
  private static final Set<Integer> DEFAULT_PERMISSIONS = Set.of(0, 2);

  private final Resources resources;
  private final long maxFeeLimit;

  Admission(Resources resources, long maxFeeLimit) {
    this.resources = resources;
    this.maxFeeLimit = maxFeeLimit;
  }

  /** Null when the transaction may enter the pool, else the node's refusal. */
  BroadcastResult refusal(PendingTx tx, Signatures.Recovered recovered, Chain chain) {
    String txid = tx.txid();
    if (chain.pendingCount() >= MAX_PENDING) {
      return BroadcastResult.busy(txid);
    }
    String signatureProblem = signatureProblem(tx, recovered);
    if (signatureProblem != null) {
      return BroadcastResult.sigError(txid, signatureProblem);
    }
    Transaction.raw raw = tx.transaction().getRawData();
    if (chain.taposBlock(raw.getRefBlockBytes().toByteArray(),
        raw.getRefBlockHash().toByteArray()) == null) {
      return BroadcastResult.tapos(txid);
    }
    long headTime = chain.headBlock().timestamp();
    if (raw.getExpiration() <= headTime
        || raw.getExpiration() > headTime + MAX_EXPIRATION_AHEAD_MS) {
      return BroadcastResult.expired(txid);
    }
    long size = tx.transaction().getSerializedSize();
    if (size > MAX_TRANSACTION_BYTES) {
      return new BroadcastResult(txid, ReturnCode.TOO_BIG_TRANSACTION_ERROR,
          "Too big transaction, the size is " + size + " bytes");
    }
    if (chain.knows(txid)) {
      return BroadcastResult.duplicate(txid);
    }
    Account owner = chain.stateLedger().account(tx.action().owner());
    if (owner == null) {
      return BroadcastResult.contractValidate(txid,
          "account [" + tx.action().owner().base58() + "] does not exist");
    }
    long bytes = Resources.bandwidthBytes(tx.transaction());
    Resources.BandwidthBill bill = resources.billBandwidth(owner, bytes, headTime);
    if (bill == null) {
      return BroadcastResult.bandwidth(txid);
    }
    String contractProblem = tx.action() instanceof Action.Call call
        ? callProblem(call, tx.feeLimit(), bill.after())
        : stakeProblem((Action.Stake) tx.action(), bill.after());
    return contractProblem == null ? null : BroadcastResult.contractValidate(txid, contractProblem);
  }

  private static String signatureProblem(PendingTx tx, Signatures.Recovered recovered) {
    if (recovered.error() != null) {
      return recovered.error();
    }
    int permission = tx.transaction().getRawData().getContract(0).getPermissionId();
    if (!DEFAULT_PERMISSIONS.contains(permission)) {
      return "permission isn't exit";
    }
    List<TronAddress> signers = recovered.signers();
    Set<TronAddress> seen = new HashSet<>();
    for (int i = 0; i < signers.size(); i++) {
      TronAddress signer = signers.get(i);
      if (!signer.equals(tx.action().owner())) {
        return recovered.signatureHex().get(i) + " is signed by " + signer.base58()
            + " but it is not contained of permission.";
      }
      if (!seen.add(signer)) {
        return signer.base58() + " has signed twice!";
      }
    }
    return null;
  }

  /** What java-tron's VM actuator refuses in a TriggerSmartContract, or null. */
  String callProblem(Action.Call call, long feeLimit, Account caller) {
    if (!call.contract().equals(UsdtToken.ADDRESS)) {
      return "No contract or not a smart contract";
    }
    if (call.callValue() < 0) {
      return "callValue must be >= 0";
    }
    if (feeLimit < 0 || feeLimit > maxFeeLimit) {
      return "feeLimit must be >= 0 and <= " + maxFeeLimit;
    }
    if (call.callValue() > caller.balance()) {
      return "Validate InternalTransfer error, balance is not sufficient.";
    }
    return null;
  }

  /** What java-tron's FreezeBalanceV2 actuator refuses, or null; owner null = no account. */
  static String stakeProblem(Action.Stake stake, Account owner) {
    if (owner == null) {
      return "Account[" + stake.owner().hex() + "] not exists";
    }
    if (stake.amount() <= 0) {
      return "frozenBalance must be positive";
    }
    if (stake.amount() < Resources.SUN_PER_TRX) {
      return "frozenBalance must be greater than or equal to 1 TRX";
    }
    if (stake.amount() > owner.balance()) {
      return "frozenBalance must be less than or equal to accountBalance";
    }
    if (stake.resource() != ResourceCode.BANDWIDTH && stake.resource() != ResourceCode.ENERGY) {
      return "ResourceCode error, valid ResourceCode[BANDWIDTH、ENERGY]";
    }
    return null;
  }
}
