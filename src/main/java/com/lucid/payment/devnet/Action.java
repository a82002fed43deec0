package com.lucid.payment.devnet;

import com.google.protobuf.InvalidProtocolBufferException;
import org.tron.trident.proto.Chain.Transaction;
import org.tron.trident.proto.Common.ResourceCode;
import org.tron.trident.proto.Contract.FreezeBalanceV2Contract;
import org.tron.trident.proto.Contract.TriggerSmartContract;

/** The one contract of a devnet transaction, decoded: the devnet runs contract calls and staking. */
sealed interface Action permits Action.Call, Action.Stake {

  TronAddress owner();

  /** TriggerSmartContract. */
  record Call(TronAddress owner, TronAddress contract, long callValue, byte[] data)
      implements Action {}

  /** FreezeBalanceV2Contract (Stake 2.0). */
  record Stake(TronAddress owner, long amount, ResourceCode resource) implements Action {}

  /** Decodes a contract; a {@link Refusal} carries java-tron's validation message. */
  static Action of(Transaction.Contract contract) {
    try {
      return switch (contract.getType()) {
        case TriggerSmartContract -> call(contract.getParameter().unpack(TriggerSmartContract.class));
        case FreezeBalanceV2Contract ->
            stake(contract.getParameter().unpack(FreezeBalanceV2Contract.class));
        default -> throw new Refusal("contract type " + contract.getType()
            + " is not supported by the devnet");
      };
    } catch (InvalidProtocolBufferException e) {
      throw new Refusal("No contract!");
    }
  }

  private static Call call(TriggerSmartContract value) {
    return new Call(address(value.getOwnerAddress().toByteArray()),
        address(value.getContractAddress().toByteArray()), value.getCallValue(),
        value.getData().toByteArray());
  }

  private static Stake stake(FreezeBalanceV2Contract value) {
    return new Stake(address(value.getOwnerAddress().toByteArray()), value.getFrozenBalance(),
        value.getResource());
  }

  private static TronAddress address(byte[] bytes) {
    if (bytes.length != 21 || bytes[0] != TronAddress.PREFIX) {
      throw new Refusal("Invalid address");
    }
    return TronAddress.of(bytes);
  }

  /** A contract the node refuses to run (CONTRACT_VALIDATE_ERROR). */
  final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message, null, false, false);
    }
  }
}
