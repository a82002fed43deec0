package com.lucid.payment.tron.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransferLogTest {
  private static final String USDT_LOG_ADDRESS = "a614f803b6fd780986a42c78ec9c7f77e6ded13c";
  private static final String FROM_TOPIC = "0".repeat(24) + "2e988a386a799f506693793c6a5af6b54dfaabfb";
  private static final String TO_TOPIC = "0".repeat(24) + "970e8128ab834e8eac17ab8e3812f010678cf791";
  private static final String ONE_USDT = "0".repeat(58) + "0f4240";

  @Test
  void usdtTransferLogFromAReceiptDecodes() {
    TransferLog log = TransferLog.decode(USDT_LOG_ADDRESS,
        List.of(Trc20Abi.TRANSFER_EVENT_TOPIC, FROM_TOPIC, TO_TOPIC), ONE_USDT).orElseThrow();
    assertEquals(TronAddress.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"), log.token());
    assertEquals(TronAddress.fromBase58("TEDapYSVvAZ3aYH7w8N9tMEEFKaNKUD5Bp"), log.from());
    assertEquals(TronAddress.fromBase58("TPjvQpNcAudPPmMvtKzE6GetWzhFwqVRHq"), log.to());
    assertEquals(1_000_000L, log.amount());
  }

  @Test
  void tronPrefixedLogAddressAndUpperCaseHexAreAccepted() {
    Optional<TransferLog> log = TransferLog.decode("41" + USDT_LOG_ADDRESS.toUpperCase(),
        List.of(Trc20Abi.TRANSFER_EVENT_TOPIC.toUpperCase(), FROM_TOPIC, TO_TOPIC), ONE_USDT);
    assertEquals(1_000_000L, log.orElseThrow().amount());
  }

  @Test
  void otherEventsAreNotTransfers() {
    String approval = "8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925";
    assertTrue(TransferLog.decode(USDT_LOG_ADDRESS, List.of(approval, FROM_TOPIC, TO_TOPIC), ONE_USDT).isEmpty());
    List<String> erc721 = List.of(Trc20Abi.TRANSFER_EVENT_TOPIC, FROM_TOPIC, TO_TOPIC, ONE_USDT);
    assertTrue(TransferLog.decode(USDT_LOG_ADDRESS, erc721, "").isEmpty());
    assertTrue(TransferLog.decode(USDT_LOG_ADDRESS, List.of(), ONE_USDT).isEmpty());
  }

  @Test
  void amountsBeyondALongAreRejected() {
    List<String> topics = List.of(Trc20Abi.TRANSFER_EVENT_TOPIC, FROM_TOPIC, TO_TOPIC);
    String longMax = "0".repeat(48) + "7fffffffffffffff";
    assertEquals(Long.MAX_VALUE, TransferLog.decode(USDT_LOG_ADDRESS, topics, longMax).orElseThrow().amount());
    String twoPow63 = "0".repeat(48) + "8000000000000000";
    assertThrows(ChainDataException.class, () -> TransferLog.decode(USDT_LOG_ADDRESS, topics, twoPow63));
    String twoPow64 = "0".repeat(47) + "10000000000000000";
    assertThrows(ChainDataException.class, () -> TransferLog.decode(USDT_LOG_ADDRESS, topics, twoPow64));
  }

  @Test
  void malformedTransferLogsAreRejected() {
    String dirtyTopic = "01" + FROM_TOPIC.substring(2);
    assertThrows(ChainDataException.class, () -> TransferLog.decode(USDT_LOG_ADDRESS,
        List.of(Trc20Abi.TRANSFER_EVENT_TOPIC, dirtyTopic, TO_TOPIC), ONE_USDT));
    assertThrows(ChainDataException.class, () -> TransferLog.decode(USDT_LOG_ADDRESS,
        List.of(Trc20Abi.TRANSFER_EVENT_TOPIC, FROM_TOPIC, TO_TOPIC), ONE_USDT + "00"));
    assertThrows(ChainDataException.class, () -> TransferLog.decode("a614",
        List.of(Trc20Abi.TRANSFER_EVENT_TOPIC, FROM_TOPIC, TO_TOPIC), ONE_USDT));
  }
}
