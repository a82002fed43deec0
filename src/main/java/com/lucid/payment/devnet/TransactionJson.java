package com.lucid.payment.devnet;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HexFormat;
import org.tron.trident.proto.Chain.Transaction;
import org.tron.trident.proto.Chain.Transaction.Contract.ContractType;
import org.tron.trident.proto.Common.ResourceCode;
import org.tron.trident.proto.Contract.FreezeBalanceV2Contract;
import org.tron.trident.proto.Contract.TriggerSmartContract;

/** java-tron's JSON form of a transaction, printed (default fields omitted) and parsed back. */
final class TransactionJson {
  private static final HexFormat HEX = HexFormat.of();
  private static final String TYPE_URL_PREFIX = "type.googleapis.com/protocol.";

  private TransactionJson() {}

  /** A transaction a node builds for a client: visible, txID, raw_data, raw_data_hex, signature, ret. */
  static JsonObject render(Transaction tx, boolean visible) {
    return new JsonObject().put("visible", visible).mergeIn(stored(tx, visible));
  }

  /**
   * A transaction as gettransactionbyid and blocks print it, without "visible": txID, raw_data,
   * raw_data_hex, then signature and ret when present.
   */
  static JsonObject stored(Transaction tx, boolean visible) {
    byte[] raw = tx.getRawData().toByteArray();
    JsonObject json = new JsonObject()
        .put("txID", HEX.formatHex(Digests.sha256(raw)))
        .put("raw_data", rawData(tx.getRawData(), visible))
        .put("raw_data_hex", HEX.formatHex(raw));
    if (tx.getSignatureCount() > 0) {
      JsonArray signatures = new JsonArray();
      tx.getSignatureList().forEach(s -> signatures.add(HEX.formatHex(s.toByteArray())));
      json.put("signature", signatures);
    }
    if (tx.getRetCount() > 0) {
      JsonArray ret = new JsonArray();
      for (Transaction.Result result : tx.getRetList()) {
        JsonObject r = new JsonObject();
        if (result.getFee() != 0) {
          r.put("fee", result.getFee());
        }
        if (result.getRet() != Transaction.Result.code.SUCESS) {
          r.put("ret", result.getRet().name());
        }
        if (result.getContractRet() != Transaction.Result.contractResult.DEFAULT) {
          r.put("contractRet", result.getContractRet().name());
        }
        ret.add(r);
      }
      json.put("ret", ret);
    }
    return json;
  }

  static JsonObject rawData(Transaction.raw raw, boolean visible) {
    JsonObject json = new JsonObject();
    JsonArray contracts = new JsonArray();
    raw.getContractList().forEach(c -> contracts.add(contract(c, visible)));
    json.put("contract", contracts);
    putBytes(json, "ref_block_bytes", raw.getRefBlockBytes());
    if (raw.getRefBlockNum() != 0) {
      json.put("ref_block_num", raw.getRefBlockNum());
    }
    putBytes(json, "ref_block_hash", raw.getRefBlockHash());
    if (raw.getExpiration() != 0) {
      json.put("expiration", raw.getExpiration());
    }
    putBytes(json, "data", raw.getData());
    putBytes(json, "scripts", raw.getScripts());
    if (raw.getTimestamp() != 0) {
      json.put("timestamp", raw.getTimestamp());
    }
    if (raw.getFeeLimit() != 0) {
      json.put("fee_limit", raw.getFeeLimit());
    }
    return json;
  }

  /**
   * The transaction as broadcasthex echoes it: raw_data in protobuf field order with each contract's
   * parameter value as the hex of its protobuf bytes (not an object), then the signatures; no txID,
   * visible or raw_data_hex.
   */
  static String echo(Transaction tx) {
    Transaction.raw raw = tx.getRawData();
    JsonObject json = new JsonObject();
    putBytes(json, "ref_block_bytes", raw.getRefBlockBytes());
    putLong(json, "ref_block_num", raw.getRefBlockNum());
    putBytes(json, "ref_block_hash", raw.getRefBlockHash());
    putLong(json, "expiration", raw.getExpiration());
    putBytes(json, "data", raw.getData());
    JsonArray contracts = new JsonArray();
    for (Transaction.Contract c : raw.getContractList()) {
      JsonObject contract = new JsonObject().put("type", c.getType().name()).put("parameter",
          new JsonObject().put("type_url", c.getParameter().getTypeUrl())
              .put("value", HEX.formatHex(c.getParameter().getValue().toByteArray())));
      putLong(contract, "Permission_id", c.getPermissionId());
      contracts.add(contract);
    }
    json.put("contract", contracts);
    putBytes(json, "scripts", raw.getScripts());
    putLong(json, "timestamp", raw.getTimestamp());
    putLong(json, "fee_limit", raw.getFeeLimit());
    JsonObject echo = new JsonObject().put("raw_data", json);
    if (tx.getSignatureCount() > 0) {
      JsonArray signatures = new JsonArray();
      tx.getSignatureList().forEach(sig -> signatures.add(HEX.formatHex(sig.toByteArray())));
      echo.put("signature", signatures);
    }
    return echo.encode();
  }

  private static JsonObject contract(Transaction.Contract contract, boolean visible) {
    Any parameter = contract.getParameter();
    JsonObject json = new JsonObject()
        .put("parameter", new JsonObject().put("value", value(contract, visible))
            .put("type_url", parameter.getTypeUrl()))
        .put("type", contract.getType().name());
    if (contract.getPermissionId() != 0) {
      json.put("Permission_id", contract.getPermissionId());
    }
    return json;
  }

  private static JsonObject value(Transaction.Contract contract, boolean visible) {
    JsonObject json = new JsonObject();
    try {
      if (contract.getType() == ContractType.TriggerSmartContract) {
        TriggerSmartContract c = contract.getParameter().unpack(TriggerSmartContract.class);
        putAddress(json, "owner_address", c.getOwnerAddress(), visible);
        putAddress(json, "contract_address", c.getContractAddress(), visible);
        putLong(json, "call_value", c.getCallValue());
        putBytes(json, "data", c.getData());
        putLong(json, "call_token_value", c.getCallTokenValue());
        putLong(json, "token_id", c.getTokenId());
      } else if (contract.getType() == ContractType.FreezeBalanceV2Contract) {
        FreezeBalanceV2Contract c = contract.getParameter().unpack(FreezeBalanceV2Contract.class);
        putAddress(json, "owner_address", c.getOwnerAddress(), visible);
        putLong(json, "frozen_balance", c.getFrozenBalance());
        if (c.getResource() != ResourceCode.BANDWIDTH) {
          json.put("resource", c.getResource().name());
        }
      }
    } catch (InvalidProtocolBufferException e) {
      // a value that does not match its type prints as an empty object, as java-tron drops it
    }
    return json;
  }

  /** Rebuilds a transaction from its JSON: raw_data and signature; txID and raw_data_hex are ignored. */
  static Transaction parse(JsonObject json, boolean visible) {
    Object rawValue = json.getValue("raw_data");
    if (!(rawValue instanceof JsonObject raw)) {
      throw new InvalidInput("class java.lang.NullPointerException : null");
    }
    Transaction.raw.Builder builder = Transaction.raw.newBuilder();
    Fields fields = new Fields(raw, visible);
    builder.setRefBlockBytes(fields.bytes("ref_block_bytes"))
        .setRefBlockNum(fields.int64("ref_block_num"))
        .setRefBlockHash(fields.bytes("ref_block_hash"))
        .setExpiration(fields.int64("expiration"))
        .setData(fields.bytes("data"))
        .setScripts(fields.bytes("scripts"))
        .setTimestamp(fields.int64("timestamp"))
        .setFeeLimit(fields.int64("fee_limit"));
    JsonArray contracts = raw.getJsonArray("contract", new JsonArray());
    for (int i = 0; i < contracts.size(); i++) {
      builder.addContract(contract(contracts.getJsonObject(i), visible));
    }
    Transaction.Builder tx = Transaction.newBuilder().setRawData(builder);
    JsonArray signatures = json.getJsonArray("signature", new JsonArray());
    for (int i = 0; i < signatures.size(); i++) {
      tx.addSignature(Fields.hex(signatures.getString(i)));
    }
    return tx.build();
  }

  private static Transaction.Contract contract(JsonObject json, boolean visible) {
    ContractType type;
    try {
      type = ContractType.valueOf(json.getString("type", ""));
    } catch (IllegalArgumentException e) {
      throw InvalidInput.parse("Unknown contract type " + json.getString("type"));
    }
    Transaction.Contract.Builder contract = Transaction.Contract.newBuilder().setType(type)
        .setPermissionId((int) new Fields(json, visible).int64("Permission_id"));
    JsonObject parameter = json.getJsonObject("parameter", new JsonObject());
    Fields value = new Fields(parameter.getJsonObject("value", new JsonObject()), visible);
    if (type == ContractType.TriggerSmartContract) {
      contract.setParameter(Any.pack(TriggerSmartContract.newBuilder()
          .setOwnerAddress(value.address("owner_address"))
          .setContractAddress(value.address("contract_address"))
          .setCallValue(value.int64("call_value"))
          .setData(value.bytes("data"))
          .setCallTokenValue(value.int64("call_token_value"))
          .setTokenId(value.int64("token_id")).build()));
    } else if (type == ContractType.FreezeBalanceV2Contract) {
      contract.setParameter(Any.pack(FreezeBalanceV2Contract.newBuilder()
          .setOwnerAddress(value.address("owner_address"))
          .setFrozenBalance(value.int64("frozen_balance"))
          .setResourceValue(value.resource("resource")).build()));
    } else {
      contract.setParameter(Any.newBuilder()
          .setTypeUrl(parameter.getString("type_url", TYPE_URL_PREFIX + type.name())));
    }
    return contract.build();
  }

  private static void putBytes(JsonObject json, String key, ByteString value) {
    if (!value.isEmpty()) {
      json.put(key, HEX.formatHex(value.toByteArray()));
    }
  }

  private static void putLong(JsonObject json, String key, long value) {
    if (value != 0) {
      json.put(key, value);
    }
  }

  static void putAddress(JsonObject json, String key, ByteString value, boolean visible) {
    if (!value.isEmpty()) {
      json.put(key, address(value, visible));
    }
  }

  /** Base58 for a well-formed address when visible, hex otherwise (as java-tron prints bytes). */
  static String address(ByteString value, boolean visible) {
    byte[] bytes = value.toByteArray();
    if (visible && bytes.length == 21 && bytes[0] == TronAddress.PREFIX) {
      return TronAddress.of(bytes).base58();
    }
    return HEX.formatHex(bytes);
  }
}
