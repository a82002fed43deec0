package com.lucid.payment.tron.chain;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.lucid.payment.tron.chain.TransferMismatch.Field;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tron.trident.proto.Chain;
import org.tron.trident.proto.Contract;

/** Field-by-field check of a transaction against a payout, before it is signed or re-sent. */
public final class TransferCheck {
  public static final String TRIGGER_TYPE_URL = "type.googleapis.com/protocol.TriggerSmartContract";

  private TransferCheck() {}

  /** Checks raw_data bytes; an empty list means the transaction does exactly the payout. */
  public static List<TransferMismatch> verify(byte[] rawData, ExpectedTransfer expected) {
    List<TransferMismatch> out = new ArrayList<>();
    Chain.Transaction.raw raw;
    try {
      raw = Chain.Transaction.raw.parseFrom(rawData);
    } catch (InvalidProtocolBufferException e) {
      return List.of(new TransferMismatch(Field.RAW_DATA, "raw_data is not a protobuf Transaction.raw"));
    }
    if (!Arrays.equals(raw.toByteArray(), rawData)) {
      add(out, Field.RAW_DATA, "raw_data is not canonically encoded: a node would hash other bytes");
    }
    checkEnvelope(raw, expected, out);
    if (raw.getContractCount() != 1) {
      add(out, Field.CONTRACT_COUNT, "transaction has " + raw.getContractCount() + " contracts, not 1");
    } else {
      checkContract(raw.getContract(0), expected, out);
    }
    return List.copyOf(out);
  }

  public static List<TransferMismatch> verify(UnsignedTransfer transfer, ExpectedTransfer expected) {
    return verify(transfer.rawData(), expected);
  }

  /** As {@link #verify(byte[], ExpectedTransfer)}, plus: the signature recovers to the owner. */
  public static List<TransferMismatch> verify(SignedTransfer transfer, ExpectedTransfer expected) {
    List<TransferMismatch> out = new ArrayList<>(verify(transfer.rawData(), expected));
    try {
      TronAddress signer = transfer.signer();
      if (!signer.equals(expected.owner())) {
        add(out, Field.SIGNATURE, "signed by " + signer + ", not by the owner " + expected.owner());
      }
    } catch (ChainDataException e) {
      add(out, Field.SIGNATURE, e.getMessage());
    }
    return List.copyOf(out);
  }

  private static void checkEnvelope(
      Chain.Transaction.raw raw, ExpectedTransfer e, List<TransferMismatch> out) {
    long fee = raw.getFeeLimit();
    if (fee <= 0 || fee > e.feeLimitCapSun()) {
      add(out, Field.FEE_LIMIT, "fee_limit " + fee + " sun is outside (0, " + e.feeLimitCapSun() + "]");
    }
    long exp = raw.getExpiration();
    long latest = saturatedAdd(e.nowMs(), e.expirationWindowMs());
    if (exp <= e.nowMs() || exp > latest) {
      add(out, Field.EXPIRATION, "expiration " + exp + " is outside (" + e.nowMs() + ", " + latest + "]");
    }
    if (raw.getRefBlockBytes().size() != 2 || raw.getRefBlockHash().size() != 8) {
      add(out, Field.REF_BLOCK, "ref_block_bytes must be 2 bytes and ref_block_hash 8 bytes");
    }
    if (!raw.getData().isEmpty() || raw.getAuthsCount() != 0 || !raw.getScripts().isEmpty()
        || raw.getRefBlockNum() != 0 || !raw.getUnknownFields().asMap().isEmpty()) {
      add(out, Field.EXTRA_FIELDS, "raw_data carries memo, auths, scripts, ref_block_num or unknown fields");
    }
  }

  private static void checkContract(
      Chain.Transaction.Contract c, ExpectedTransfer e, List<TransferMismatch> out) {
    if (c.getType() != Chain.Transaction.Contract.ContractType.TriggerSmartContract) {
      add(out, Field.CONTRACT_TYPE,
          "contract type is " + c.getTypeValue() + ", not TriggerSmartContract (31)");
    }
    if (c.getPermissionId() != 0) {
      add(out, Field.PERMISSION_ID, "Permission_id is " + c.getPermissionId() + ", not 0 (owner)");
    }
    Any parameter = c.getParameter();
    if (!c.getProvider().isEmpty() || !c.getContractName().isEmpty()
        || !c.getUnknownFields().asMap().isEmpty() || !parameter.getUnknownFields().asMap().isEmpty()) {
      add(out, Field.EXTRA_FIELDS, "contract carries provider, contract_name or unknown fields");
    }
    if (!TRIGGER_TYPE_URL.equals(parameter.getTypeUrl())) {
      add(out, Field.TYPE_URL, "parameter type_url is not " + TRIGGER_TYPE_URL);
      return;
    }
    Contract.TriggerSmartContract call;
    try {
      call = Contract.TriggerSmartContract.parseFrom(parameter.getValue());
    } catch (InvalidProtocolBufferException ex) {
      add(out, Field.RAW_DATA, "parameter value is not a TriggerSmartContract");
      return;
    }
    checkCall(call, e, out);
  }

  private static void checkCall(
      Contract.TriggerSmartContract call, ExpectedTransfer e, List<TransferMismatch> out) {
    if (!call.getOwnerAddress().equals(ByteString.copyFrom(e.owner().bytes()))) {
      add(out, Field.OWNER,
          "owner is " + describe(call.getOwnerAddress()) + ", not the hot wallet " + e.owner());
    }
    if (!call.getContractAddress().equals(ByteString.copyFrom(e.usdtContract().bytes()))) {
      add(out, Field.CONTRACT, "contract is " + describe(call.getContractAddress())
          + ", not USDT " + e.usdtContract());
    }
    if (call.getCallValue() != 0) {
      add(out, Field.CALL_VALUE, "call_value is " + call.getCallValue() + " sun, not 0");
    }
    if (call.getCallTokenValue() != 0) {
      add(out, Field.CALL_TOKEN_VALUE, "call_token_value is " + call.getCallTokenValue() + ", not 0");
    }
    if (call.getTokenId() != 0) {
      add(out, Field.TOKEN_ID, "token_id is " + call.getTokenId() + ", not 0");
    }
    if (!call.getUnknownFields().asMap().isEmpty()) {
      add(out, Field.EXTRA_FIELDS, "TriggerSmartContract carries unknown fields");
    }
    checkData(call.getData().toByteArray(), e, out);
  }

  private static void checkData(byte[] data, ExpectedTransfer e, List<TransferMismatch> out) {
    if (data.length != Trc20Abi.TRANSFER_DATA_LENGTH) {
      add(out, Field.DATA_LENGTH, "call data is " + data.length + " bytes, not 68");
      return;
    }
    if (!Arrays.equals(data, 0, 4, Trc20Abi.transferSelector(), 0, 4)) {
      add(out, Field.SELECTOR, "selector is " + Hex.encode(Arrays.copyOf(data, 4)) + ", not a9059cbb");
    }
    byte[] recipientWord = Arrays.copyOfRange(data, 4, 36);
    if (!Arrays.equals(recipientWord, Trc20Abi.addressWord(e.recipient()))) {
      add(out, Field.RECIPIENT, "recipient word is " + Hex.encode(recipientWord)
          + ", not the payout recipient " + e.recipient());
    }
    BigInteger amount = new BigInteger(1, Arrays.copyOfRange(data, 36, 68));
    if (!amount.equals(BigInteger.valueOf(e.amount()))) {
      add(out, Field.AMOUNT, "amount is " + amount + " base units, not " + e.amount());
    }
  }

  private static String describe(ByteString address) {
    try {
      return TronAddress.fromBytes(address.toByteArray()).base58();
    } catch (InvalidAddressException ex) {
      return "hex " + Hex.encode(address.toByteArray());
    }
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  private static void add(List<TransferMismatch> out, Field field, String detail) {
    out.add(new TransferMismatch(field, detail));
  }
}
