package com.lucid.payment.tron;

import com.google.protobuf.InvalidProtocolBufferException;
import com.lucid.payment.tron.api.StakeOrder;
import com.lucid.payment.tron.chain.Hashes;
import com.lucid.payment.tron.chain.Hex;
import com.lucid.payment.tron.chain.TronAddress;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tron.trident.proto.Chain;
import org.tron.trident.proto.Common;
import org.tron.trident.proto.Contract;

/** Field-by-field check of a node-built FreezeBalanceV2 transaction before the hot wallet signs it. */
final class StakeCheck {
  static final String TYPE_URL = "type.googleapis.com/protocol.FreezeBalanceV2Contract";

  private StakeCheck() {}

  /**
   * The raw_data bytes to sign, after checking them against the order.
   *
   * @param latestExpirationMs the latest acceptable expiration (now + the nodes' window + clock skew)
   * @throws com.lucid.payment.api.ApiFailure TRANSACTION_REJECTED listing every mismatch
   */
  static byte[] verify(JsonObject tx, StakeOrder order, TronAddress owner, long nowMs, long latestExpirationMs) {
    String txid = tx.getString("txID");
    String rawHex = tx.getString("raw_data_hex");
    if (!Hex.isHex(txid, 64) || rawHex == null || rawHex.isEmpty() || rawHex.length() % 2 != 0
        || !Hex.isHex(rawHex, rawHex.length())) {
      throw TronFailures.refused("refused to sign the stake: the node's transaction lacks txID or raw_data_hex");
    }
    if (!tx.getJsonArray("signature", new JsonArray()).isEmpty()) {
      throw TronFailures.refused("refused to sign the stake: the node's transaction is already signed");
    }
    byte[] raw = Hex.decode(rawHex);
    List<String> problems = new ArrayList<>();
    if (!Hex.encode(Hashes.sha256(raw)).equalsIgnoreCase(txid)) {
      problems.add("txID is not sha256(raw_data_hex)");
    }
    try {
      Chain.Transaction.raw parsed = Chain.Transaction.raw.parseFrom(raw);
      if (!Arrays.equals(parsed.toByteArray(), raw)) {
        problems.add("raw_data is not canonically encoded");
      }
      checkEnvelope(parsed, nowMs, latestExpirationMs, problems);
      if (parsed.getContractCount() != 1) {
        problems.add("transaction has " + parsed.getContractCount() + " contracts, not 1");
      } else {
        checkContract(parsed.getContract(0), order, owner, problems);
      }
    } catch (InvalidProtocolBufferException e) {
      problems.add("raw_data is not a protobuf Transaction.raw");
    }
    if (!problems.isEmpty()) {
      throw TronFailures.refused("refused to sign the stake: " + problems);
    }
    return raw;
  }

  private static void checkEnvelope(Chain.Transaction.raw raw, long nowMs, long latestMs, List<String> problems) {
    if (raw.getExpiration() <= nowMs || raw.getExpiration() > latestMs) {
      problems.add("expiration " + raw.getExpiration() + " is outside (" + nowMs + ", " + latestMs + "]");
    }
    if (raw.getFeeLimit() != 0) {
      problems.add("fee_limit is " + raw.getFeeLimit() + ", not 0");
    }
    if (!raw.getData().isEmpty() || raw.getAuthsCount() != 0 || !raw.getScripts().isEmpty()
        || !raw.getUnknownFields().asMap().isEmpty()) {
      problems.add("raw_data carries memo, auths, scripts or unknown fields");
    }
  }

  private static void checkContract(Chain.Transaction.Contract c, StakeOrder order, TronAddress owner,
      List<String> problems) {
    if (c.getType() != Chain.Transaction.Contract.ContractType.FreezeBalanceV2Contract) {
      problems.add("contract type is " + c.getTypeValue() + ", not FreezeBalanceV2Contract (54)");
    }
    if (c.getPermissionId() != 0 || !c.getProvider().isEmpty() || !c.getContractName().isEmpty()
        || !c.getUnknownFields().asMap().isEmpty()) {
      problems.add("contract carries a Permission_id, provider, contract_name or unknown fields");
    }
    if (!TYPE_URL.equals(c.getParameter().getTypeUrl())) {
      problems.add("parameter type_url is not " + TYPE_URL);
      return;
    }
    try {
      Contract.FreezeBalanceV2Contract freeze = Contract.FreezeBalanceV2Contract.parseFrom(c.getParameter().getValue());
      if (!Arrays.equals(freeze.getOwnerAddress().toByteArray(), owner.bytes())) {
        problems.add("owner is not the hot wallet " + owner);
      }
      if (freeze.getFrozenBalance() != order.amountSun()) {
        problems.add("frozen_balance is " + freeze.getFrozenBalance() + " sun, not " + order.amountSun());
      }
      if (freeze.getResource() != Common.ResourceCode.valueOf(order.resource())) {
        problems.add("resource is " + freeze.getResource() + ", not " + order.resource());
      }
      if (!freeze.getUnknownFields().asMap().isEmpty()) {
        problems.add("FreezeBalanceV2Contract carries unknown fields");
      }
    } catch (InvalidProtocolBufferException e) {
      problems.add("parameter value is not a FreezeBalanceV2Contract");
    }
  }
}
