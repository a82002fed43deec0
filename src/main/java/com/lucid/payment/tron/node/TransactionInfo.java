package com.lucid.payment.tron.node;

import com.lucid.payment.tron.chain.ChainDataException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * gettransactioninfobyid: where a transaction was included and what it did.
 *
 * @param receiptResult receipt.result (SUCCESS, REVERT, OUT_OF_ENERGY, ...); empty for system contracts
 * @param failed the top-level result is FAILED (absent means success)
 * @param resMessage why it failed, decoded
 */
public record TransactionInfo(
    String id,
    long blockNumber,
    long blockTimestampMs,
    long feeSun,
    String receiptResult,
    long energyUsageTotal,
    long netUsage,
    boolean failed,
    String resMessage,
    List<Log> logs) {

  /** One receipt log entry as the node prints it. */
  public record Log(String address, List<String> topics, String data) {}

  public TransactionInfo {
    logs = List.copyOf(logs);
  }

  /** Empty when the node does not know the txid ({@code {}}); a different id is a lie, not an answer. */
  static Optional<TransactionInfo> parse(JsonObject info, String txid) {
    if (info.isEmpty() || !info.containsKey("blockNumber")) {
      return Optional.empty();
    }
    String id = info.getString("id", "");
    if (!id.equalsIgnoreCase(txid)) {
      throw new ChainDataException("gettransactioninfobyid answered for another transaction");
    }
    JsonObject receipt = info.getJsonObject("receipt", new JsonObject());
    List<Log> logs = new ArrayList<>();
    for (Object o : info.getJsonArray("log", new JsonArray())) {
      if (!(o instanceof JsonObject log)) {
        throw new ChainDataException("receipt log entry is not an object");
      }
      List<String> topics = new ArrayList<>();
      log.getJsonArray("topics", new JsonArray()).forEach(t -> topics.add(String.valueOf(t)));
      logs.add(new Log(log.getString("address", ""), topics, log.getString("data", "")));
    }
    return Optional.of(new TransactionInfo(id, info.getLong("blockNumber"), info.getLong("blockTimeStamp", 0L),
        info.getLong("fee", 0L), receipt.getString("result", ""), receipt.getLong("energy_usage_total", 0L),
        receipt.getLong("net_usage", 0L), "FAILED".equals(info.getString("result")),
        NodeText.decode(info.getString("resMessage")), logs));
  }
}
