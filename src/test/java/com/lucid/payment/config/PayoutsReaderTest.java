package com.lucid.payment.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each payout setting lands where its name says: every variable set to a value no other one has. */
class PayoutsReaderTest {
  @TempDir Path dir;

  @Test
  void everyVariableReachesTheSettingItNames() {
    Map<String, String> env = new HashMap<>(Map.ofEntries(
        Map.entry("DATA_DIR", dir.toString()),
        Map.entry("MIN_PAYOUT_AMOUNT", "0.02"), Map.entry("MAX_PAYOUT_AMOUNT", "900"),
        Map.entry("DAILY_PAYOUT_LIMIT", "9000"), Map.entry("KYC_MIN_PAYOUT_AMOUNT", "0.03"),
        Map.entry("KYC_MAX_PAYOUT_AMOUNT", "4000"), Map.entry("KYC_DAILY_PAYOUT_LIMIT", "40000"),
        Map.entry("PAYOUT_DAILY_LIMIT", "80000"), Map.entry("PAYOUT_HOURLY_LIMIT", "8000"),
        Map.entry("COMPLIANCE_SIGNER_ADDRESS", "TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC"),
        Map.entry("MAX_PAYOUT_RETRY_ATTEMPTS", "4"), Map.entry("CIRCUIT_BREAKER_FAILURE_THRESHOLD", "6"),
        Map.entry("CIRCUIT_BREAKER_RECOVERY_TIMEOUT", "301"), Map.entry("CIRCUIT_BREAKER_HALF_OPEN_MAX_CALLS", "7"),
        Map.entry("PAYOUT_MAX_IN_FLIGHT", "51"), Map.entry("MONTHLY_ANCHOR_DAY", "8"),
        Map.entry("WORKER_POLL_MS", "1001"), Map.entry("WORKER_LEASE_SECONDS", "31"),
        Map.entry("WORKER_CHAIN_RECHECK_MS", "3001"), Map.entry("BATCH_MAX_ITEMS", "101"),
        Map.entry("PLATFORM_FEE_PERCENT", "1.25"), Map.entry("DISTRIBUTION_MIN_PAYOUT", "11")));
    ServiceConfig.Payouts p = ConfigLoader.load(env).payouts();

    assertEquals(new ServiceConfig.RouterLimits(20_000, 900_000_000, 9_000_000_000L), p.acceptance().v0());
    assertEquals(new ServiceConfig.RouterLimits(30_000, 4_000_000_000L, 40_000_000_000L), p.acceptance().kyc());
    assertEquals(80_000_000_000L, p.acceptance().globalDailyUnits());
    assertEquals(8_000_000_000L, p.acceptance().globalHourlyUnits());
    assertEquals(Optional.of("TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC"), p.acceptance().complianceSigner());
    assertEquals(new ServiceConfig.Breaker(6, Duration.ofSeconds(301), 7), p.breaker());
    assertEquals(new ServiceConfig.Worker(Duration.ofMillis(1001), Duration.ofSeconds(31), Duration.ofMillis(3001),
        51, 4), p.worker());
    assertEquals(new ServiceConfig.Batches(101, 8), p.batches());
    assertEquals(new ServiceConfig.Distribution(125, 11_000_000), p.distribution());
  }
}
