package com.lucid.payment.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Reads the payout engine's rules ({@link ServiceConfig.Payouts}) from the environment, each value named by its
 * variable where it is read, in the order ConfigLoader always checked them (the first bad value is the one reported).
 */
final class PayoutsReader {
  static final int DEFAULT_BATCH_MAX_ITEMS = 100;

  private PayoutsReader() {}

  static ServiceConfig.Payouts read(Env env) {
    ServiceConfig.Acceptance acceptance = acceptance(env);
    int maxRetries = env.integer("MAX_PAYOUT_RETRY_ATTEMPTS", 3, 0, 20);
    int failureThreshold = env.integer("CIRCUIT_BREAKER_FAILURE_THRESHOLD", 5, 1, 1000);
    int recoverySeconds = env.integer("CIRCUIT_BREAKER_RECOVERY_TIMEOUT", 300, 1, 86_400);
    int halfOpenSuccesses = env.integer("CIRCUIT_BREAKER_HALF_OPEN_MAX_CALLS", 3, 1, 100);
    int maxInFlight = env.integer("PAYOUT_MAX_IN_FLIGHT", 50, 1, 10_000);
    int monthlyAnchorDay = env.integer("MONTHLY_ANCHOR_DAY", 0, 0, 28);
    int pollMs = env.integer("WORKER_POLL_MS", 1000, 10, 60_000);
    int leaseSeconds = env.integer("WORKER_LEASE_SECONDS", 30, 5, 3600);
    int recheckMs = env.integer("WORKER_CHAIN_RECHECK_MS", 3000, 10, 600_000);
    int batchMaxItems = env.integer("BATCH_MAX_ITEMS", DEFAULT_BATCH_MAX_ITEMS, 1, 10_000);
    int feeBps = env.percentBasisPoints("PLATFORM_FEE_PERCENT", "0");
    long distributionMin = distributionMinimum(env, acceptance.v0(), acceptance.kyc());
    return new ServiceConfig.Payouts(acceptance,
        new ServiceConfig.Breaker(failureThreshold, Duration.ofSeconds(recoverySeconds), halfOpenSuccesses),
        new ServiceConfig.Worker(Duration.ofMillis(pollMs), Duration.ofSeconds(leaseSeconds),
            Duration.ofMillis(recheckMs), maxInFlight, maxRetries),
        new ServiceConfig.Batches(batchMaxItems, monthlyAnchorDay),
        new ServiceConfig.Distribution(feeBps, distributionMin));
  }

  private static ServiceConfig.Acceptance acceptance(Env env) {
    ServiceConfig.RouterLimits v0 = new ServiceConfig.RouterLimits(env.usdt("MIN_PAYOUT_AMOUNT", "0.01"),
        env.usdt("MAX_PAYOUT_AMOUNT", "1000"), env.usdt("DAILY_PAYOUT_LIMIT", "10000"));
    ServiceConfig.RouterLimits kyc = new ServiceConfig.RouterLimits(env.usdt("KYC_MIN_PAYOUT_AMOUNT", "0.01"),
        env.usdt("KYC_MAX_PAYOUT_AMOUNT", "5000"), env.usdt("KYC_DAILY_PAYOUT_LIMIT", "50000"));
    checkRouter("", v0);
    checkRouter("KYC_", kyc);
    long daily = env.usdt("PAYOUT_DAILY_LIMIT", "100000");
    long hourly = env.usdt("PAYOUT_HOURLY_LIMIT", "10000");
    if (daily <= hourly) {
      throw new ConfigException("PAYOUT_DAILY_LIMIT", "must be greater than PAYOUT_HOURLY_LIMIT");
    }
    Optional<String> signer = env.get("COMPLIANCE_SIGNER_ADDRESS");
    signer.ifPresent(a -> {
      if (!ConfigLoader.BASE58_ADDRESS.matcher(a).matches()) {
        throw new ConfigException("COMPLIANCE_SIGNER_ADDRESS", "'" + a + "' is not a base58 TRON address");
      }
    });
    return new ServiceConfig.Acceptance(v0, kyc, daily, hourly, signer);
  }

  /** A net amount below it rolls over, so it must be one both routers accept as a payout. */
  private static long distributionMinimum(Env env, ServiceConfig.RouterLimits v0, ServiceConfig.RouterLimits kyc) {
    long min = env.usdt("DISTRIBUTION_MIN_PAYOUT", "10");
    if (min < Math.max(v0.minUnits(), kyc.minUnits())) {
      throw new ConfigException("DISTRIBUTION_MIN_PAYOUT", "must be at least MIN_PAYOUT_AMOUNT and "
          + "KYC_MIN_PAYOUT_AMOUNT");
    }
    if (min > Math.min(v0.maxUnits(), kyc.maxUnits())) {
      throw new ConfigException("DISTRIBUTION_MIN_PAYOUT", "must be at most MAX_PAYOUT_AMOUNT and "
          + "KYC_MAX_PAYOUT_AMOUNT");
    }
    return min;
  }

  private static void checkRouter(String prefix, ServiceConfig.RouterLimits limits) {
    if (limits.minUnits() <= 0 || limits.minUnits() > limits.maxUnits()) {
      throw new ConfigException(prefix + "MIN_PAYOUT_AMOUNT", "must be above 0 and at most " + prefix
          + "MAX_PAYOUT_AMOUNT");
    }
    if (limits.maxUnits() > limits.dailyUnits()) {
      throw new ConfigException(prefix + "MAX_PAYOUT_AMOUNT", "must be at most " + prefix + "DAILY_PAYOUT_LIMIT");
    }
  }
}
