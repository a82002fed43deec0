package com.lucid.payment.tron.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.lucid.payment.tron.chain.TransferMismatch.Field;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tron.trident.proto.Chain;
import org.tron.trident.proto.Contract;

class TransferCheckTest {
  private static final JsonObject NILE = Vectors.nileCapture();
  private static final JsonObject DECODED = NILE.getJsonObject("decoded");
  private static final long NOW = DECODED.getLong("timestamp");
  private static final TronAddress MAINNET_USDT = TronAddress.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
  private static final TronAddress STRANGER = TronAddress.fromBase58("TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC");

  private static ExpectedTransfer expectedNilePayout() {
    return new ExpectedTransfer(
        TronAddress.fromBase58(DECODED.getString("owner_address")),
        TronAddress.fromBase58(DECODED.getString("contract_address")),
        TronAddress.fromBase58(DECODED.getString("recipient")),
        Long.parseLong(DECODED.getString("amount")),
        100_000_000L,
        NOW,
        60_000L);
  }

  @Test
  void nodeBuiltNileTransactionDecodesAndPassesEveryCheck() {
    Map<String, Object> json = NILE.getJsonObject("unsigned_transaction").getMap();
    UnsignedTransfer unsigned = UnsignedTransfer.fromNodeJson(json);
    assertEquals(NILE.getString("txID"), unsigned.txid());
    assertEquals(DECODED.getLong("expiration"), unsigned.expirationMs());
    assertEquals(DECODED.getLong("fee_limit"), unsigned.feeLimitSun());
    assertEquals(DECODED.getInteger("raw_data_bytes"), unsigned.rawData().length);
    assertEquals(List.of(), TransferCheck.verify(unsigned, expectedNilePayout()));
  }

  @Test
  void nodeJsonWhoseTxidIsNotTheHashOfItsBytesIsRefused() {
    JsonObject tx = NILE.getJsonObject("unsigned_transaction").copy();
    tx.put("txID", Vectors.transaction("usdt-1-unit").getString("txID"));
    assertThrows(ChainDataException.class, () -> UnsignedTransfer.fromNodeJson(tx.getMap()));
    tx.remove("txID");
    assertThrows(ChainDataException.class, () -> UnsignedTransfer.fromNodeJson(tx.getMap()));
  }

  @Test
  void eachTamperedFieldIsReportedAsItsOwnMismatch() {
    TronAddress otherRecipient = TronAddress.fromBase58("TEDapYSVvAZ3aYH7w8N9tMEEFKaNKUD5Bp");
    long amount = Long.parseLong(DECODED.getString("amount"));
    assertTampered(Field.RECIPIENT, raw -> withCall(raw,
        c -> c.setData(ByteString.copyFrom(Trc20Abi.transferData(otherRecipient, BigInteger.valueOf(amount))))));
    TronAddress recipient = expectedNilePayout().recipient();
    assertTampered(Field.AMOUNT, raw -> withCall(raw,
        c -> c.setData(ByteString.copyFrom(Trc20Abi.transferData(recipient, BigInteger.valueOf(amount + 1))))));
    assertTampered(Field.CONTRACT, raw -> withCall(raw,
        c -> c.setContractAddress(ByteString.copyFrom(MAINNET_USDT.bytes()))));
    assertTampered(Field.OWNER, raw -> withCall(raw, c -> c.setOwnerAddress(ByteString.copyFrom(STRANGER.bytes()))));
    assertTampered(Field.CALL_VALUE, raw -> withCall(raw, c -> c.setCallValue(1)));
    assertTampered(Field.CALL_TOKEN_VALUE, raw -> withCall(raw, c -> c.setCallTokenValue(5)));
    assertTampered(Field.TOKEN_ID, raw -> withCall(raw, c -> c.setTokenId(1_000_001)));
    assertTampered(Field.FEE_LIMIT, raw -> raw.setFeeLimit(100_000_001L));
    assertTampered(Field.FEE_LIMIT, raw -> raw.setFeeLimit(0));
    assertTampered(Field.EXPIRATION, raw -> raw.setExpiration(NOW));
    assertTampered(Field.EXPIRATION, raw -> raw.setExpiration(NOW + 60_001L));
    assertTampered(Field.CONTRACT_COUNT, raw -> raw.addContract(raw.getContract(0)));
    assertTampered(Field.CONTRACT_COUNT, raw -> raw.clearContract());
    assertTampered(Field.EXTRA_FIELDS, raw -> raw.setData(ByteString.copyFromUtf8("memo")));
    assertTampered(Field.REF_BLOCK, raw -> raw.setRefBlockHash(ByteString.copyFrom(new byte[4])));
    assertTampered(Field.PERMISSION_ID, raw -> raw.setContract(0, raw.getContract(0).toBuilder().setPermissionId(2)));
    assertTampered(Field.CONTRACT_TYPE, raw -> raw.setContract(0, raw.getContract(0).toBuilder()
        .setType(Chain.Transaction.Contract.ContractType.TransferContract)));
    assertTampered(Field.TYPE_URL, raw -> raw.setContract(0, raw.getContract(0).toBuilder()
        .setParameter(raw.getContract(0).getParameter().toBuilder().setTypeUrl("type.googleapis.com/x.Y"))));
  }

  @Test
  void callDataOtherThanAPlainTransferIsRefused() {
    byte[] good = nileCallData();
    byte[] approve = good.clone();
    approve[0] = (byte) 0x09; // approve(address,uint256) is 095ea7b3
    approve[1] = (byte) 0x5e;
    approve[2] = (byte) 0xa7;
    approve[3] = (byte) 0xb3;
    assertTampered(Field.SELECTOR, raw -> withCall(raw, c -> c.setData(ByteString.copyFrom(approve))));
    byte[] longer = java.util.Arrays.copyOf(good, 69);
    assertTampered(Field.DATA_LENGTH, raw -> withCall(raw, c -> c.setData(ByteString.copyFrom(longer))));
    byte[] dirtyPadding = good.clone();
    dirtyPadding[4] = 1;
    assertTampered(Field.RECIPIENT, raw -> withCall(raw, c -> c.setData(ByteString.copyFrom(dirtyPadding))));
  }

  @Test
  void bytesANodeWouldHashDifferentlyAreRefused() {
    String raw = NILE.getString("raw_data_hex");
    String timestampField = "7089d0edc0dd33";
    String reordered = timestampField + raw.replace(timestampField, "");
    assertEquals(EnumSet.of(Field.RAW_DATA), fields(TransferCheck.verify(Hex.decode(reordered), expectedNilePayout())));
    String unknownField = raw + "980601";
    assertEquals(EnumSet.of(Field.EXTRA_FIELDS),
        fields(TransferCheck.verify(Hex.decode(unknownField), expectedNilePayout())));
    assertEquals(EnumSet.of(Field.RAW_DATA), fields(TransferCheck.verify(new byte[] {0x0a, 0x05}, expectedNilePayout())));
  }

  @Test
  void everyVectorTransactionPassesAgainstItsOwnPayout() {
    for (JsonObject tx : Vectors.transactions()) {
      JsonObject input = tx.getJsonObject("input");
      BigInteger amount = new BigInteger(input.getString("amount"));
      long window = input.getLong("expiration") - input.getLong("timestamp");
      ExpectedTransfer expected = new ExpectedTransfer(
          TronAddress.fromBase58(input.getString("owner_address")),
          TronAddress.fromBase58(input.getString("contract_address")),
          TronAddress.fromBase58(input.getString("recipient")),
          amount.bitLength() > 63 ? 1 : amount.longValueExact(),
          input.getLong("fee_limit"), input.getLong("timestamp"), window);
      Set<Field> expectedMismatches = amount.bitLength() > 63 ? EnumSet.of(Field.AMOUNT) : EnumSet.noneOf(Field.class);
      byte[] raw = Hex.decode(tx.getString("raw_data_hex"));
      assertEquals(expectedMismatches, fields(TransferCheck.verify(raw, expected)), tx.getString("id"));
    }
  }

  @Test
  void aSignatureByAnyoneButTheOwnerIsReported() {
    JsonObject tx = Vectors.transaction("usdt-1-usdt");
    JsonObject input = tx.getJsonObject("input");
    UnsignedTransfer unsigned = UnsignedTransfer.fromRawData(Hex.decode(tx.getString("raw_data_hex")));
    ExpectedTransfer expected = new ExpectedTransfer(
        TronAddress.fromBase58(input.getString("owner_address")), MAINNET_USDT,
        TronAddress.fromBase58(input.getString("recipient")), 1_000_000, 100_000_000,
        input.getLong("timestamp"), 60_000);
    SignedTransfer byOwner = HotWallet.fromPrivateKeyHex(input.getString("owner_private_key")).sign(unsigned);
    assertEquals(List.of(), TransferCheck.verify(byOwner, expected));
    SignedTransfer byStranger = HotWallet.generate(new SecureRandom()).sign(unsigned);
    assertEquals(EnumSet.of(Field.SIGNATURE), fields(TransferCheck.verify(byStranger, expected)));
    SignedTransfer restored = SignedTransfer.fromTransactionHex(byOwner.transactionHex());
    assertEquals(List.of(), TransferCheck.verify(restored, expected));
  }

  private static void assertTampered(Field field, UnaryOperator<Chain.Transaction.raw.Builder> tamper) {
    Chain.Transaction.raw.Builder raw = nileRaw().toBuilder();
    byte[] tampered = tamper.apply(raw).build().toByteArray();
    List<TransferMismatch> mismatches = TransferCheck.verify(tampered, expectedNilePayout());
    assertEquals(EnumSet.of(field), fields(mismatches), mismatches.toString());
  }

  private static Chain.Transaction.raw.Builder withCall(Chain.Transaction.raw.Builder raw,
      UnaryOperator<Contract.TriggerSmartContract.Builder> change) {
    Chain.Transaction.Contract contract = raw.getContract(0);
    Contract.TriggerSmartContract call = unpack(contract.getParameter());
    return raw.setContract(0, contract.toBuilder().setParameter(Any.pack(change.apply(call.toBuilder()).build())));
  }

  private static byte[] nileCallData() {
    return unpack(nileRaw().getContract(0).getParameter()).getData().toByteArray();
  }

  private static Chain.Transaction.raw nileRaw() {
    try {
      return Chain.Transaction.raw.parseFrom(Hex.decode(NILE.getString("raw_data_hex")));
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static Contract.TriggerSmartContract unpack(Any any) {
    try {
      return any.unpack(Contract.TriggerSmartContract.class);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static Set<Field> fields(List<TransferMismatch> mismatches) {
    return mismatches.stream().map(TransferMismatch::field)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Field.class)));
  }
}
