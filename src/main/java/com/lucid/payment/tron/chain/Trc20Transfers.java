package com.lucid.payment.tron.chain;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.util.Arrays;
import org.tron.trident.proto.Chain;
import org.tron.trident.proto.Contract;

/** Builds USDT transfer transactions locally, byte for byte as java-tron and TronWeb do. */
public final class Trc20Transfers {
  private Trc20Transfers() {}

  /** The unsigned transaction of a request; its txid is sha256 of the raw_data bytes. */
  public static UnsignedTransfer build(TransferRequest request) {
    byte[] data = Trc20Abi.transferData(request.recipient(), BigInteger.valueOf(request.amount()));
    return UnsignedTransfer.fromRawData(rawData(request, data));
  }

  /** raw_data with the given call data; the request's recipient and amount are not used. */
  static byte[] rawData(TransferRequest request, byte[] callData) {
    Contract.TriggerSmartContract call = Contract.TriggerSmartContract.newBuilder()
        .setOwnerAddress(ByteString.copyFrom(request.owner().bytes()))
        .setContractAddress(ByteString.copyFrom(request.usdtContract().bytes()))
        .setData(ByteString.copyFrom(callData))
        .build();
    Chain.Transaction.Contract contract = Chain.Transaction.Contract.newBuilder()
        .setType(Chain.Transaction.Contract.ContractType.TriggerSmartContract)
        .setParameter(Any.pack(call))
        .build();
    return Chain.Transaction.raw.newBuilder()
        .setRefBlockBytes(ByteString.copyFrom(refBlockBytes(request.refBlockNumber())))
        .setRefBlockHash(ByteString.copyFrom(refBlockHash(request.refBlockId())))
        .setExpiration(request.expirationMs())
        .addContract(contract)
        .setTimestamp(request.timestampMs())
        .setFeeLimit(request.feeLimitSun())
        .build()
        .toByteArray();
  }

  /** TaPoS ref_block_bytes: the low 2 bytes of the block number, big-endian. */
  public static byte[] refBlockBytes(long blockNumber) {
    return new byte[] {(byte) (blockNumber >>> 8), (byte) blockNumber};
  }

  /** TaPoS ref_block_hash: bytes 8..15 of the block id (the part after the block number). */
  public static byte[] refBlockHash(String blockIdHex) {
    return Arrays.copyOfRange(Hex.decode(blockIdHex, 32, "block id"), 8, 16);
  }
}
