package com.lucid.payment.tron.api;

/**
 * What became of a signed attempt. Only the solidified chain (/walletsolidity) decides {@link Confirmed},
 * {@link Failed} and {@link Expired}; the head view may lie and gives at most {@link Included}.
 */
public sealed interface AttemptFate {

  /** No node knows it and its expiration has not passed on the solidified chain: it may still land. */
  record Unknown() implements AttemptFate {}

  /**
   * In a block that is not final yet (head view, or solidified but short of the extra depth).
   *
   * @param finalInMs when the solidified head is expected to be deep enough to decide it, from the blocks still to
   *     go and the chain's observed block interval; 0 when the interval is not known yet
   */
  record Included(long block, long finalInMs) implements AttemptFate {}

  /**
   * Final success: solidified (plus the extra depth), receipt SUCCESS, and exactly the expected Transfer from the
   * hot wallet to the recipient on the USDT contract.
   *
   * @param feeSun total TRX burnt (energy and bandwidth)
   * @param energyUsed energy_usage_total of the receipt
   * @param netUsage bandwidth bytes taken from staked or free bandwidth
   * @param solidBlock the solidified head when this was judged
   */
  record Confirmed(long block, long blockTimestampMs, long feeSun, long energyUsed, long netUsage, long solidBlock)
      implements AttemptFate {}

  /** Final failure on the solidified chain (REVERT, OUT_OF_ENERGY, ...): no USDT moved, the fee was burnt. */
  record Failed(long block, String result, String message, long feeSun) implements AttemptFate {}

  /** The solidified head is past the expiration and does not hold the txid: it can never be included. */
  record Expired(long solidBlockTimestampMs) implements AttemptFate {}

  /** Solidified SUCCESS whose logs are not the expected transfer: neither paid nor dead; alert a human. */
  record Mismatch(String why) implements AttemptFate {}
}
