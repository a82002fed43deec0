package com.lucid.payment.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The whole validated configuration of one service instance; built once at start by {@link ConfigLoader}. */
public record ServiceConfig(Http http, Tron tron, Store store, Logging logging, Payouts payouts, Gateway gateway) {

  /** HTTP listeners: the gateway (ops plane) and the management port (health, metrics). */
  public record Http(String bindAddress, int gatewayPort, int managementPort) {}

  /**
   * Where and how TRON is reached.
   *
   * @param nodeUrls full-node base URLs, tried in order (empty on devnet until the devnet runs); https or .onion on
   *     mainnet, shasta and nile
   * @param nodeCaFile PEM CA certificates node connections trust instead of the JVM's (TRON_NODE_CA_FILE)
   * @param usdtContract base58 USDT contract, empty on devnet (the devnet reports its own)
   * @param privateKeyFile the hot wallet key file; on devnet it is created when missing
   * @param apiKey the TRON-PRO-API-KEY header value, a secret
   * @param torProxy SOCKS5 proxy every TRON request goes through, when set
   * @param transfers how payout transactions are built and judged final
   * @param nodes timeouts and per-node circuit breakers of the full-node client
   * @param devnet the embedded devnet's control and funding (devnet network only)
   */
  public record Tron(
      TronNetwork network,
      List<String> nodeUrls,
      Optional<Path> nodeCaFile,
      Optional<String> usdtContract,
      Path privateKeyFile,
      Optional<Secret> apiKey,
      Optional<SocksProxy> torProxy,
      boolean torOnly,
      int devnetBlockMs,
      Transfers transfers,
      Nodes nodes,
      Devnet devnet) {}

  /**
   * How a USDT transfer is built and when it counts as final.
   *
   * @param expirationMs expiration window after the head block's time (TRON_TX_EXPIRATION_SECONDS)
   * @param feeMarginPercent fee_limit = estimated energy × energy price × this / 100 (at least 100)
   * @param feeLimitCapSun the highest fee_limit ever signed
   * @param extraConfirmations blocks the solidified head must be past a transaction's block before it is final
   */
  public record Transfers(long expirationMs, int feeMarginPercent, long feeLimitCapSun, int extraConfirmations) {}

  /**
   * The full-node HTTP client: timeouts, and the circuit breaker each node has.
   *
   * @param breakerMaxFailures consecutive transport errors, timeouts, 5xx, busy or rate-limit answers that open it
   * @param breakerResetMs how long an open breaker waits before letting one request try the node again
   */
  public record Nodes(int connectTimeoutMs, int idleTimeoutMs, int requestTimeoutMs, int breakerMaxFailures,
      int breakerResetMs) {}

  /**
   * The embedded devnet (section 9).
   *
   * @param control serve the devnet's fault-injection and funding API (never on a real network)
   * @param fundTrxSun TRX given to the hot wallet at genesis
   * @param fundUsdtUnits USDT given to the hot wallet at genesis
   */
  public record Devnet(boolean control, long fundTrxSun, long fundUsdtUnits) {}

  /** A SOCKS5 endpoint. */
  public record SocksProxy(String host, int port) {
    @Override
    public String toString() {
      return "socks5://" + host + ":" + port;
    }
  }

  /**
   * The payout store.
   *
   * @param mongoUrl an external MongoDB; empty means the embedded store
   * @param embeddedFile the H2 file of the embedded store
   * @param embeddedFsync force every commit to the disk (survives power loss, costs throughput)
   */
  public record Store(Optional<Secret> mongoUrl, String database, Path embeddedFile, boolean embeddedFsync) {
    public boolean embedded() {
      return mongoUrl.isEmpty();
    }
  }

  /** Per-router amount rules in USDT base units. */
  public record RouterLimits(long minUnits, long maxUnits, long dailyUnits) {}

  /**
   * The payout engine's rules: router and global limits (base units), retries, the safety breaker, how many payouts
   * may be in flight on chain at once, the KYC compliance signer, the monthly anchor, worker timing, and batches and
   * the monthly distribution.
   *
   * @param batchMaxItems payouts one batch (or one distribution's entries) may hold, at most (BATCH_MAX_ITEMS)
   * @param platformFeeBps the distribution's platform fee in basis points (PLATFORM_FEE_PERCENT × 100, exact)
   * @param distributionMinUnits net amounts below this are rolled over to the next period (DISTRIBUTION_MIN_PAYOUT)
   */
  public record Payouts(
      RouterLimits v0,
      RouterLimits kyc,
      long globalDailyUnits,
      long globalHourlyUnits,
      int maxRetries,
      int breakerFailureThreshold,
      int breakerRecoverySeconds,
      int breakerHalfOpenSuccesses,
      int maxInFlight,
      Optional<String> complianceSigner,
      int monthlyAnchorDay,
      int workerPollMs,
      int leaseSeconds,
      int chainRecheckMs,
      int batchMaxItems,
      int platformFeeBps,
      long distributionMinUnits) {}

  /** Log level (JUL names accepted as the brief's DEBUG..CRITICAL) and line format. */
  public record Logging(java.util.logging.Level level, boolean json) {}

  /** A secret string: its value never appears in toString, logs or errors. */
  public record Secret(String value) {
    @Override
    public String toString() {
      return "Secret[***]";
    }
  }

  /**
   * The gateway's callers: how their JWTs are verified, and how far the per-user rate limits are scaled.
   *
   * @param rateLimitMultiplier every default rate limit is multiplied by this (benchmarks raise it)
   * @param batchBodyLimit the body limit of the batch and distribution routes, in bytes (grows with BATCH_MAX_ITEMS)
   */
  public record Gateway(Jwt jwt, int rateLimitMultiplier, int batchBodyLimit) {
    /** The body limit of the batch routes with the default BATCH_MAX_ITEMS. */
    public static final int DEFAULT_BATCH_BODY_LIMIT = 1024 * 1024;

    public Gateway(Jwt jwt, int rateLimitMultiplier) {
      this(jwt, rateLimitMultiplier, DEFAULT_BATCH_BODY_LIMIT);
    }
  }

  /** The one JWT algorithm the gateway accepts; {@link #jwsName()} is the token header's {@code alg}. */
  public enum JwtAlgorithm {
    HS256("HS256"), ES256("ES256"), EDDSA("EdDSA");

    private final String jwsName;

    JwtAlgorithm(String jwsName) {
      this.jwsName = jwsName;
    }

    public String jwsName() {
      return jwsName;
    }
  }

  /**
   * JWT verification. HS256 uses a shared secret (the text of JWT_SECRET_FILE, trimmed, as UTF-8 bytes: what the Lucid
   * auth service signs with); ES256 and EdDSA use the public keys of JWT_JWKS_FILE, each selected by its {@code kid}.
   *
   * @param secret the HS256 secret; empty on devnet until the service creates or reads {@code devnetSecretFile}
   * @param jwks the public keys (JWK objects, validated) for ES256 / EdDSA; empty for HS256
   * @param devnetSecretFile where devnet keeps its generated HS256 secret when JWT_SECRET_FILE is not set; empty
   *     elsewhere
   */
  public record Jwt(
      JwtAlgorithm algorithm,
      Optional<Secret> secret,
      List<io.vertx.core.json.JsonObject> jwks,
      Optional<Path> devnetSecretFile,
      Optional<String> issuer,
      Optional<String> audience) {

    /** The same settings with the HS256 secret now known (the devnet one, read or created at start). */
    public Jwt withSecret(Secret value) {
      return new Jwt(algorithm, Optional.of(value), jwks, devnetSecretFile, issuer, audience);
    }
  }
}
