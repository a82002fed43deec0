package com.lucid.payment.tron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.tron.api.StakeOrder;
import com.lucid.payment.tron.chain.Hashes;
import com.lucid.payment.tron.chain.Hex;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.chain.TronAddress;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.tron.trident.proto.Chain;
import org.tron.trident.proto.Common;
import org.tron.trident.proto.Contract;

/** A node cannot make the hot wallet sign a stake other than the one ordered. */
class StakeCheckTest {
  private static final long NOW = 1_800_000_000_000L;
  private static final TronAddress OWNER = HotWallet.generate(new SecureRandom()).address();
  private static final StakeOrder ORDER = new StakeOrder(250_000_000L, "ENERGY");

  @Test
  void theOrderedStakeIsSigned() {
    byte[] raw = raw(Chain.Transaction.Contract.ContractType.FreezeBalanceV2Contract,
        freeze(OWNER, 250_000_000L, Common.ResourceCode.ENERGY), NOW + 60_000);
    assertArrayEquals(raw, StakeCheck.verify(nodeJson(raw), ORDER, OWNER, NOW, NOW + 90_000));
  }

  @Test
  void anotherOwnerAmountOrResourceIsRefused() {
    TronAddress other = HotWallet.generate(new SecureRandom()).address();
    assertRefused(freeze(other, 250_000_000L, Common.ResourceCode.ENERGY), "owner is not the hot wallet");
    assertRefused(freeze(OWNER, 251_000_000L, Common.ResourceCode.ENERGY), "frozen_balance is 251000000");
    assertRefused(freeze(OWNER, 250_000_000L, Common.ResourceCode.BANDWIDTH), "resource is BANDWIDTH");
  }

  @Test
  void anotherContractOrAForgedTxidOrALateExpirationIsRefused() {
    Contract.UnfreezeBalanceV2Contract unfreeze = Contract.UnfreezeBalanceV2Contract.newBuilder()
        .setOwnerAddress(ByteString.copyFrom(OWNER.bytes())).setUnfreezeBalance(250_000_000L).build();
    byte[] unfreezeRaw = raw(Chain.Transaction.Contract.ContractType.UnfreezeBalanceV2Contract, unfreeze,
        NOW + 60_000);
    assertTrue(refusal(nodeJson(unfreezeRaw)).contains("not FreezeBalanceV2Contract"));

    byte[] good = raw(Chain.Transaction.Contract.ContractType.FreezeBalanceV2Contract,
        freeze(OWNER, 250_000_000L, Common.ResourceCode.ENERGY), NOW + 60_000);
    assertTrue(refusal(nodeJson(good).put("txID", Hex.encode(new byte[32]))).contains("txID is not sha256"));

    byte[] late = raw(Chain.Transaction.Contract.ContractType.FreezeBalanceV2Contract,
        freeze(OWNER, 250_000_000L, Common.ResourceCode.ENERGY), NOW + 86_400_000);
    assertTrue(refusal(nodeJson(late)).contains("expiration"));
  }

  private static void assertRefused(Contract.FreezeBalanceV2Contract contract, String why) {
    byte[] raw = raw(Chain.Transaction.Contract.ContractType.FreezeBalanceV2Contract, contract, NOW + 60_000);
    String message = refusal(nodeJson(raw));
    assertTrue(message.contains(why), message);
  }

  private static String refusal(JsonObject tx) {
    ApiFailure refused = assertThrows(ApiFailure.class, () -> StakeCheck.verify(tx, ORDER, OWNER, NOW, NOW + 90_000));
    assertEquals(ErrorCode.TRANSACTION_REJECTED, refused.code());
    return refused.getMessage();
  }

  private static Contract.FreezeBalanceV2Contract freeze(TronAddress owner, long sun, Common.ResourceCode resource) {
    return Contract.FreezeBalanceV2Contract.newBuilder().setOwnerAddress(ByteString.copyFrom(owner.bytes()))
        .setFrozenBalance(sun).setResource(resource).build();
  }

  private static byte[] raw(Chain.Transaction.Contract.ContractType type, Message contract, long expiration) {
    return Chain.Transaction.raw.newBuilder()
        .setRefBlockBytes(ByteString.copyFrom(new byte[] {0, 7}))
        .setRefBlockHash(ByteString.copyFrom(new byte[8]))
        .setExpiration(expiration)
        .addContract(Chain.Transaction.Contract.newBuilder().setType(type).setParameter(Any.pack(contract)))
        .setTimestamp(NOW)
        .build().toByteArray();
  }

  private static JsonObject nodeJson(byte[] raw) {
    return new JsonObject().put("txID", Hex.encode(Hashes.sha256(raw))).put("raw_data_hex", Hex.encode(raw))
        .put("visible", false);
  }
}
