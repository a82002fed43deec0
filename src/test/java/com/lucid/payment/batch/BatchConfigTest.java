package com.lucid.payment.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lucid.payment.config.ConfigException;
import com.lucid.payment.config.ConfigLoader;
import com.lucid.payment.config.ServiceConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The batch and distribution settings: their defaults, exact parsing, and the values that stop start-up. */
class BatchConfigTest {
  @TempDir Path dir;

  private ServiceConfig load(String... kv) {
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", dir.toString());
    for (int i = 0; i < kv.length; i += 2) {
      env.put(kv[i], kv[i + 1]);
    }
    return ConfigLoader.load(env);
  }

  @Test
  void defaultsAreAHundredItemsNoFeeTenUsdtAndOneMebibyte() {
    ServiceConfig c = load();
    assertEquals(100, c.payouts().batches().maxItems());
    assertEquals(0, c.payouts().distribution().platformFeeBps());
    assertEquals(10_000_000L, c.payouts().distribution().minPayoutUnits());
    assertEquals(1024 * 1024, c.gateway().batchBodyLimit());
  }

  @ParameterizedTest(name = "PLATFORM_FEE_PERCENT={0} → {1} bps")
  @CsvSource({"2.5, 250", "0, 0", "0.01, 1", "100, 10000", "12.34, 1234", "7.50, 750"})
  void theFeePercentIsReadExactlyAsBasisPoints(String percent, int bps) {
    assertEquals(bps, load("PLATFORM_FEE_PERCENT", percent).payouts().distribution().platformFeeBps());
  }

  @Test
  void theBodyLimitGrowsWithTheItemLimit() {
    assertEquals(1024 * 1024, load("BATCH_MAX_ITEMS", "512").gateway().batchBodyLimit());
    assertEquals(10_000 * 2048, load("BATCH_MAX_ITEMS", "10000").gateway().batchBodyLimit());
    assertEquals(10_000, load("BATCH_MAX_ITEMS", "10000").payouts().batches().maxItems());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "PLATFORM_FEE_PERCENT|2.555|PLATFORM_FEE_PERCENT: '2.555' is not a percentage from 0 to 100 with at most 2 "
          + "decimals",
      "PLATFORM_FEE_PERCENT|100.01|PLATFORM_FEE_PERCENT: '100.01' is not a percentage from 0 to 100 with at most 2 "
          + "decimals",
      "PLATFORM_FEE_PERCENT|-1|PLATFORM_FEE_PERCENT: '-1' is not a percentage from 0 to 100 with at most 2 decimals",
      "PLATFORM_FEE_PERCENT|1e1|PLATFORM_FEE_PERCENT: '1e1' is not a percentage from 0 to 100 with at most 2 decimals",
      "BATCH_MAX_ITEMS|0|BATCH_MAX_ITEMS: '0' is not a whole number from 1 to 10000",
      "BATCH_MAX_ITEMS|10001|BATCH_MAX_ITEMS: '10001' is not a whole number from 1 to 10000",
      "DISTRIBUTION_MIN_PAYOUT|0.001|DISTRIBUTION_MIN_PAYOUT: must be at least MIN_PAYOUT_AMOUNT and "
          + "KYC_MIN_PAYOUT_AMOUNT",
      "DISTRIBUTION_MIN_PAYOUT|2000|DISTRIBUTION_MIN_PAYOUT: must be at most MAX_PAYOUT_AMOUNT and "
          + "KYC_MAX_PAYOUT_AMOUNT",
      "DISTRIBUTION_MIN_PAYOUT|ten|DISTRIBUTION_MIN_PAYOUT: 'ten' is not a USDT amount (a decimal with at most 6 "
          + "places)"})
  void eachBadValueStopsStartUpWithItsMessage(String variable, String value, String message) {
    assertEquals(message, assertThrows(ConfigException.class, () -> load(variable, value)).getMessage());
  }
}
