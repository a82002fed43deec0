package com.lucid.payment.devnet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.tron.trident.proto.Chain.BlockHeader;

/** java-tron's JSON for blocks, transaction infos, accounts and resources (defaults omitted). */
final class ChainJson {
  private static final HexFormat HEX = HexFormat.of();
  /** The operations mask java-tron gives every default active permission. */
  private static final String ACTIVE_OPERATIONS =
      "7fff1fc0033ec30f000000000000000000000000000000000000000000000000";

  private ChainJson() {}

  /** Text a node prints hex-encoded unless visible is true. */
  static String text(String utf8, boolean visible) {
    return visible ? utf8 : HEX.formatHex(utf8.getBytes(StandardCharsets.UTF_8));
  }

  static JsonObject block(Block block, boolean visible, boolean withTransactions) {
    BlockHeader.raw raw = block.header().getRawData();
    JsonObject rawJson = new JsonObject();
    putLong(rawJson, "number", raw.getNumber());
    rawJson.put("txTrieRoot", HEX.formatHex(raw.getTxTrieRoot().toByteArray()))
        .put("witness_address", TransactionJson.address(raw.getWitnessAddress(), visible))
        .put("parentHash", HEX.formatHex(raw.getParentHash().toByteArray()))
        .put("version", raw.getVersion());
    putLong(rawJson, "timestamp", raw.getTimestamp());
    JsonObject json = new JsonObject().put("blockID", block.idHex())
        .put("block_header", new JsonObject().put("raw_data", rawJson).put("witness_signature",
            HEX.formatHex(block.header().getWitnessSignature().toByteArray())));
    if (withTransactions && !block.transactions().isEmpty()) {
      JsonArray transactions = new JsonArray();
      block.transactions().forEach(tx -> transactions.add(
          TransactionJson.stored(tx.transaction(), visible)));
      json.put("transactions", transactions);
    }
    return json;
  }

  static JsonObject info(TxInfo info, boolean visible) {
    JsonObject json = new JsonObject().put("id", info.id());
    putLong(json, "fee", info.fee());
    json.put("blockNumber", info.blockNumber()).put("blockTimeStamp", info.blockTime());
    json.put("contractResult", new JsonArray().add(
        info.contractResult() == null ? "" : HEX.formatHex(info.contractResult())));
    if (info.contractAddress() != null) {
      json.put("contract_address", info.contractAddress().render(visible));
    }
    TxInfo.Receipt receipt = info.receipt();
    JsonObject receiptJson = new JsonObject();
    putLong(receiptJson, "energy_usage", receipt.energyUsage());
    putLong(receiptJson, "energy_fee", receipt.energyFee());
    putLong(receiptJson, "energy_usage_total", receipt.energyUsageTotal());
    putLong(receiptJson, "net_usage", receipt.netUsage());
    putLong(receiptJson, "net_fee", receipt.netFee());
    if (receipt.result() != null) {
      receiptJson.put("result", receipt.result().name());
    }
    json.put("receipt", receiptJson);
    if (!info.logs().isEmpty()) {
      json.put("log", logs(info.logs()));
    }
    if (info.failed()) {
      json.put("result", "FAILED").put("resMessage", text(info.resMessage(), visible));
    }
    // with the transaction fee pool (getAllowTransactionFeePool) the whole fee goes to the block's packer
    putLong(json, "packingFee", info.fee());
    return json;
  }

  static JsonArray logs(List<UsdtToken.EventLog> logs) {
    JsonArray array = new JsonArray();
    for (UsdtToken.EventLog log : logs) {
      JsonArray topics = new JsonArray();
      log.topics().forEach(t -> topics.add(HEX.formatHex(t)));
      array.add(new JsonObject().put("address", log.address().evmHex()).put("topics", topics)
          .put("data", HEX.formatHex(log.data())));
    }
    return array;
  }

  static JsonObject account(Account account, long now, boolean visible) {
    String address = account.address().render(visible);
    JsonObject json = new JsonObject().put("address", address);
    putLong(json, "balance", account.balance());
    json.put("create_time", account.createTime());
    putLong(json, "net_usage", account.net().at(now));
    putLong(json, "latest_consume_time", account.net().lastTime());
    putLong(json, "free_net_usage", account.freeNet().at(now));
    putLong(json, "latest_consume_free_time", account.freeNet().lastTime());
    JsonObject resource = new JsonObject();
    putLong(resource, "energy_usage", account.energy().at(now));
    putLong(resource, "latest_consume_time_for_energy", account.energy().lastTime());
    json.put("account_resource", resource);
    JsonObject bandwidth = new JsonObject();
    putLong(bandwidth, "amount", account.frozenForBandwidth());
    JsonObject energy = new JsonObject().put("type", "ENERGY");
    putLong(energy, "amount", account.frozenForEnergy());
    json.put("frozenV2", new JsonArray().add(bandwidth).add(energy)
        .add(new JsonObject().put("type", "TRON_POWER")));
    JsonArray keys = new JsonArray().add(new JsonObject().put("address", address).put("weight", 1));
    json.put("owner_permission", new JsonObject().put("permission_name", "owner")
        .put("threshold", 1).put("keys", keys));
    json.put("active_permission", new JsonArray().add(new JsonObject().put("type", "Active")
        .put("id", 2).put("permission_name", "active").put("threshold", 1)
        .put("operations", ACTIVE_OPERATIONS).put("keys", keys.copy())));
    return json;
  }

  static JsonObject accountResource(Account account, Resources resources, long now) {
    JsonObject json = new JsonObject();
    putLong(json, "freeNetUsed", account.freeNet().at(now));
    json.put("freeNetLimit", Resources.FREE_NET_PER_DAY);
    putLong(json, "NetUsed", account.net().at(now));
    putLong(json, "NetLimit", resources.netLimit(account));
    json.put("TotalNetLimit", Resources.TOTAL_NET_LIMIT);
    putLong(json, "TotalNetWeight", resources.totalNetWeight());
    long staked = account.frozenForEnergy() + account.frozenForBandwidth();
    putLong(json, "tronPowerLimit", staked / Resources.SUN_PER_TRX);
    putLong(json, "EnergyUsed", account.energy().at(now));
    putLong(json, "EnergyLimit", resources.energyLimit(account));
    json.put("TotalEnergyLimit", Resources.TOTAL_ENERGY_LIMIT);
    putLong(json, "TotalEnergyWeight", resources.totalEnergyWeight());
    return json;
  }

  static void putLong(JsonObject json, String key, long value) {
    if (value != 0) {
      json.put(key, value);
    }
  }
}
