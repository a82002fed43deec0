package com.lucid.payment.tron.chain;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A decoded TRC20 {@code Transfer(address,address,uint256)} event from a transaction receipt. */
public record TransferLog(TronAddress token, TronAddress from, TronAddress to, long amount) {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /**
   * Decodes one {@code log[]} entry of gettransactioninfobyid.
   *
   * @param addressHex the emitting contract: 20-byte hex without 41 (the node's form), or with 41
   * @param topics 32-byte hex words; ERC20 Transfer has exactly three
   * @param dataHex the non-indexed data: one 32-byte amount word
   * @return empty when the entry is not an ERC20 Transfer event (other topic0, or the 4-topic
   *     ERC721 shape)
   * @throws ChainDataException if it is a Transfer event that is malformed or whose amount does not
   *     fit a long
   */
  public static Optional<TransferLog> decode(String addressHex, List<String> topics, String dataHex) {
    if (topics == null || topics.size() != 3
        || !Trc20Abi.TRANSFER_EVENT_TOPIC.equalsIgnoreCase(topics.get(0))) {
      return Optional.empty();
    }
    TronAddress token = tokenAddress(addressHex);
    TronAddress from = topicAddress(topics.get(1), "from");
    TronAddress to = topicAddress(topics.get(2), "to");
    byte[] data = word(dataHex, "data");
    BigInteger amount = new BigInteger(1, data);
    if (amount.compareTo(LONG_MAX) > 0) {
      throw new ChainDataException("Transfer amount does not fit a long");
    }
    return Optional.of(new TransferLog(token, from, to, amount.longValueExact()));
  }

  private static TronAddress tokenAddress(String hex) {
    if (Hex.isHex(hex, 40)) {
      return TronAddress.fromEvm20(Hex.decode(hex));
    }
    if (Hex.isHex(hex, 42)) {
      return TronAddress.fromHex(hex);
    }
    throw new ChainDataException("log address must be 20-byte hex");
  }

  private static TronAddress topicAddress(String topicHex, String what) {
    byte[] word = word(topicHex, what);
    for (int i = 0; i < 12; i++) {
      if (word[i] != 0) {
        throw new ChainDataException("Transfer " + what + " topic is not a padded address");
      }
    }
    return TronAddress.fromEvm20(Arrays.copyOfRange(word, 12, 32));
  }

  private static byte[] word(String hex, String what) {
    if (!Hex.isHex(hex, 64)) {
      throw new ChainDataException("Transfer " + what + " must be one 32-byte word");
    }
    return Hex.decode(hex);
  }
}
