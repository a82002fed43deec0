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

  /**
   * Proven dead: this host's clock and every node's consistent solidified chain are past its expiration, and no
   * checked block that could hold it does.
   */
  record Expired(long solidBlockTimestampMs) implements AttemptFate {}

  /**
   * Past its expiration on this host's clock, but the chain's evidence does not yet prove it can never land (a node
   * lags, disagrees or is not believed, a block could not be checked): wait; never sign again on this.
   */
  record Undecided(String why) implements AttemptFate {}

  /** Solidified SUCCESS whose logs are not the expected transfer: neither paid nor dead; alert a human. */
  record Mismatch(String why) implements AttemptFate {}
}
