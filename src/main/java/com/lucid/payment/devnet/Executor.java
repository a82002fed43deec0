package com.lucid.payment.devnet;

import java.util.List;
import org.tron.trident.proto.Chain.Transaction;
import org.tron.trident.proto.Chain.Transaction.Result.contractResult;
import org.tron.trident.proto.Common.ResourceCode;

/** Runs pooled transactions when a block includes them: bandwidth, energy, the token, staking. */
final class Executor {
  static final String REVERT_MESSAGE = "REVERT opcode executed";

  private final Resources resources;

  Executor(Resources resources) {
    this.resources = resources;
  }

  /** The result of including a transaction, or null when it can no longer be included. */
  Executed execute(PendingTx pending, Ledger ledger, long blockNumber, long blockTime) {
    Account owner = ledger.account(pending.action().owner());
    if (owner == null) {
      return null;
    }
    long bytes = Resources.bandwidthBytes(pending.transaction());
    Resources.BandwidthBill bandwidth = resources.billBandwidth(owner, bytes, blockTime);
    if (bandwidth == null) {
      return null;
    }
    Outcome outcome = pending.action() instanceof Action.Call call
        ? call(call, pending.feeLimit(), bandwidth.after(), ledger, blockTime)
        : stake((Action.Stake) pending.action(), bandwidth.after());
    if (outcome == null) {
      return null;
    }
    TxInfo.Receipt receipt = new TxInfo.Receipt(outcome.energyFromStake, outcome.energyFee,
        outcome.energyTotal, bandwidth.netUsage(), bandwidth.netFee(), outcome.result);
    TronAddress contract =
        pending.action() instanceof Action.Call call ? call.contract() : null;
    TxInfo info = new TxInfo(pending.txid(), blockNumber, blockTime, receipt,
        outcome.returnData, contract, outcome.logs, outcome.resMessage);
    contractResult code = outcome.result == null ? contractResult.SUCCESS : outcome.result;
    Transaction included = pending.transaction().toBuilder().clearRet()
        .addRet(Transaction.Result.newBuilder().setContractRet(code)).build();
    UsdtTransfer transfer = outcome.movement == null ? null : new UsdtTransfer(pending.txid(),
        outcome.movement.from().base58(), outcome.movement.to().base58(),
        outcome.movement.amount(), blockNumber);
    return new Executed(new ChainTx(pending.txid(), included, info), outcome.writes, transfer);
  }

  private Outcome call(Action.Call call, long feeLimit, Account caller, Ledger ledger, long now) {
    if (!call.contract().equals(UsdtToken.ADDRESS) || call.callValue() > caller.balance()) {
      return null;
    }
    long available = resources.energyAvailable(caller, feeLimit, call.callValue(), now);
    UsdtToken.CallResult result =
        UsdtToken.call(call.owner(), call.callValue(), call.data(), ledger);
    Ledger.Writes writes = new Ledger.Writes();
    if (result.energy() > available) {
      Resources.EnergyBill bill = resources.billEnergy(caller, available, now);
      String why = String.format("Not enough energy for 'SSTORE' operation executing: "
          + "curInvokeEnergyLimit[%d], curOpEnergy[%d], usedEnergy[%d]",
          available, result.energy() - available, available);
      return new Outcome(writes.put(bill.after()), contractResult.OUT_OF_ENERGY, new byte[0],
          List.of(), why, bill, available, null);
    }
    Resources.EnergyBill bill = resources.billEnergy(caller, result.energy(), now);
    writes.put(bill.after());
    if (result.reverted()) {
      return new Outcome(writes, contractResult.REVERT, result.returnData(), List.of(),
          REVERT_MESSAGE, bill, result.energy(), null);
    }
    UsdtToken.Movement movement = result.movement();
    List<UsdtToken.EventLog> logs = List.of();
    if (movement != null) {
      writes.addAll(movement.writes(ledger));
      logs = List.of(movement.log());
    }
    return new Outcome(writes, contractResult.SUCCESS, result.returnData(), logs, null, bill,
        result.energy(), movement);
  }

  private static Outcome stake(Action.Stake stake, Account owner) {
    if (stake.amount() > owner.balance()) {
      return null;
    }
    Account after = owner.debit(stake.amount());
    after = stake.resource() == ResourceCode.ENERGY
        ? after.withFrozen(Math.addExact(after.frozenForEnergy(), stake.amount()),
            after.frozenForBandwidth())
        : after.withFrozen(after.frozenForEnergy(),
            Math.addExact(after.frozenForBandwidth(), stake.amount()));
    return new Outcome(new Ledger.Writes().put(after), null, null, List.of(), null, null, 0,
        null);
  }

  /** A transaction's effect on the ledger and what the block reports about it. */
  record Executed(ChainTx tx, Ledger.Writes writes, UsdtTransfer transfer) {}

  private static final class Outcome {
    final Ledger.Writes writes;
    final contractResult result;
    final byte[] returnData;
    final List<UsdtToken.EventLog> logs;
    final String resMessage;
    final long energyFromStake;
    final long energyFee;
    final long energyTotal;
    final UsdtToken.Movement movement;

    Outcome(Ledger.Writes writes, contractResult result, byte[] returnData,
        List<UsdtToken.EventLog> logs, String resMessage, Resources.EnergyBill bill,
        long energyTotal, UsdtToken.Movement movement) {
      this.writes = writes;
      this.result = result;
      this.returnData = returnData;
      this.logs = logs;
      this.resMessage = resMessage;
      this.energyFromStake = bill == null ? 0 : bill.fromStake();
      this.energyFee = bill == null ? 0 : bill.fee();
      this.energyTotal = energyTotal;
      this.movement = movement;
    }
  }
}
