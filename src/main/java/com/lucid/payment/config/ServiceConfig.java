package com.lucid.payment.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The whole validated configuration of one service instance; built once at start by {@link ConfigLoader}. */
public record ServiceConfig(Http http, Tron tron, Store store, Logging logging, Payouts payouts, Gateway gateway,
    Integrity integrity) {

  /**
   * What keeps the store and the nodes from moving money on their own.
   *
   * @param sealKeyFile the key that seals each payout's money fields at acceptance (never in the store)
   * @param generateSealKey devnet only: create the key when the file is missing
   * @param journalFile the TRON client's own record of every signature it gave, kept outside the store
   * @param journalFsync force each journal line to the disk (survives power loss, not only a crash)
   */
  public record Integrity(Path sealKeyFile, boolean generateSealKey, Path journalFile, boolean journalFsync) {}

  /** HTTP listeners: the gateway (ops plane) and the management port (health, metrics). */
  public record Http(String bindAddress, int gatewayPort, int managementPort) {}

  /**
   * Where and how TRON is reached.
   *
   * @param nodeUrls the nodes, tried in order (empty on devnet until the devnet runs); https or .onion on mainnet,
   *     shasta and nile
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
      List<TronNode> nodeUrls,
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
   * One TRON node as its operator configures it: the base URL of its full-node API (/wallet/*, TronWeb's fullNode)
   * and of its solidity API (/walletsolidity/*, TronWeb's solidityNode). java-tron serves them on two ports (8090 and
   * 8091 by default); a gateway such as TronGrid serves both on one URL, and then both are that URL.
   */
  public record TronNode(String fullUrl, String solidityUrl) {
    public TronNode {
      java.util.Objects.requireNonNull(fullUrl, "fullUrl");
      java.util.Objects.requireNonNull(solidityUrl, "solidityUrl");
    }

    /** A node whose one URL serves both APIs. */
    public static TronNode of(String url) {
      return new TronNode(url, url);
    }

    /** Whether the two APIs are on different URLs. */
    public boolean split() {
      return !fullUrl.equals(solidityUrl);
    }
  }

  /**
   * How a USDT transfer is built and when it counts as final.
   *
   * @param expirationMs expiration window after the head block's time (TRON_TX_EXPIRATION_SECONDS)
   * @param feeMarginPercent fee_limit = estimated energy × energy price × this / 100 (at least 100)
   * @param feeLimitCapSun the highest fee_limit ever signed
   * @param extraConfirmations blocks the solidified head must be past a transaction's block before it is final
   * @param clockSkewMs how far a node's block times may run ahead of this host's clock, and how long past an
   *     attempt's expiration this host's clock must be before the attempt may be judged dead
   * @param maxExpiryResigns new attempts signed for one payout after earlier ones expired, before it needs review
   * @param expiryProofTimeoutMs how long past its expiration an attempt may stay unproven before a person is asked
   */
  public record Transfers(long expirationMs, int feeMarginPercent, long feeLimitCapSun, int extraConfirmations,
      long clockSkewMs, int maxExpiryResigns, long expiryProofTimeoutMs) {}

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
   * The payout engine's rules, one record per concern (read by {@code PayoutsReader}), so that no two settings of
   * different meaning sit side by side in one long list of numbers.
   */
  public record Payouts(Acceptance acceptance, Breaker breaker, Worker worker, Batches batches,
      Distribution distribution) {}

  /**
   * What a payout may be: per-router amounts, the global caps across routers (UTC days and hours), in USDT base
   * units, and the KYC compliance signer (without it KYC payouts are refused).
   */
  public record Acceptance(RouterLimits v0, RouterLimits kyc, long globalDailyUnits, long globalHourlyUnits,
      Optional<String> complianceSigner) {}

  /**
   * The payout safety breaker.
   *
   * @param failureThreshold consecutive definitive on-chain failures that open it
   * @param recovery how long it stays open before it half-opens (unless an admin tripped it)
   * @param halfOpenSuccesses confirmed payouts that close it again from half open
   */
  public record Breaker(int failureThreshold, Duration recovery, int halfOpenSuccesses) {}

  /**
   * How the worker paces itself.
   *
   * @param poll the round interval (WORKER_POLL_MS)
   * @param lease how long a claimed payout stays with its worker (WORKER_LEASE_SECONDS)
   * @param chainRecheck how often a payout in flight, and the wallet, are looked up on chain
   * @param maxInFlight payouts in processing at once (PAYOUT_MAX_IN_FLIGHT)
   * @param maxRetries new attempts after on-chain failures before a payout fails (MAX_PAYOUT_RETRY_ATTEMPTS)
   */
  public record Worker(Duration poll, Duration lease, Duration chainRecheck, int maxInFlight, int maxRetries) {}

  /**
   * Batches and release windows.
   *
   * @param maxItems payouts one batch (or one distribution's entries) may hold, at most (BATCH_MAX_ITEMS)
   * @param monthlyAnchorDay release day of MONTHLY payouts (1 to 28), or 0 for the last day of the month
   */
  public record Batches(int maxItems, int monthlyAnchorDay) {}

  /**
   * The monthly distribution.
   *
   * @param platformFeeBps the platform fee in basis points (PLATFORM_FEE_PERCENT × 100, exact)
   * @param minPayoutUnits net amounts below this are rolled over to the next period (DISTRIBUTION_MIN_PAYOUT)
   */
  public record Distribution(int platformFeeBps, long minPayoutUnits) {}

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
   * The gateway's callers: how their JWTs are verified, how far the per-user rate limits are scaled, and how its
   * listener treats connections.
   *
   * @param rateLimitMultiplier every default rate limit is multiplied by this (benchmarks raise it)
   * @param batchBodyLimit the body limit of the batch and distribution routes, in bytes (grows with BATCH_MAX_ITEMS)
   */
  public record Gateway(Jwt jwt, int rateLimitMultiplier, int batchBodyLimit, Edge edge) {
    /** The body limit of the batch routes with the default BATCH_MAX_ITEMS. */
    public static final int DEFAULT_BATCH_BODY_LIMIT = 1024 * 1024;

    public Gateway(Jwt jwt, int rateLimitMultiplier, int batchBodyLimit) {
      this(jwt, rateLimitMultiplier, batchBodyLimit, Edge.DEFAULTS);
    }

    public Gateway(Jwt jwt, int rateLimitMultiplier) {
      this(jwt, rateLimitMultiplier, DEFAULT_BATCH_BODY_LIMIT);
    }

    /** The same settings with the JWT key material now known (see auth.DevnetSecret). */
    public Gateway withJwt(Jwt known) {
      return new Gateway(known, rateLimitMultiplier, batchBodyLimit, edge);
    }
  }

  /**
   * How the gateway's listener treats a connection, whoever is at the other end.
   *
   * @param headerTimeoutMs a connection must deliver each request's head within this of opening, or of the previous
   *     response (HTTP_HEADER_TIMEOUT_MS); a slower one is closed
   * @param bodyTimeoutMs a request's body must have arrived within this of its head (HTTP_BODY_TIMEOUT_MS), else 408
   * @param idleTimeoutSeconds a connection with no traffic for this long is closed (HTTP_IDLE_TIMEOUT_SECONDS)
   * @param proxyProtocol every connection starts with a PROXY protocol header naming the client (tor's
   *     HiddenServiceExportCircuitID haproxy: one address per circuit), which per-address limits then use
   * @param http2Cleartext accept HTTP/2 without TLS (h2c: prior knowledge and Upgrade); off unless configured
   */
  public record Edge(int headerTimeoutMs, int bodyTimeoutMs, int idleTimeoutSeconds, boolean proxyProtocol,
      boolean http2Cleartext) {
    public static final int DEFAULT_HEADER_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_BODY_TIMEOUT_MS = 30_000;
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 60;
    /** Direct connections, HTTP/1.1 only: what tests and devnet use. */
    public static final Edge DEFAULTS = new Edge(DEFAULT_HEADER_TIMEOUT_MS, DEFAULT_BODY_TIMEOUT_MS,
        DEFAULT_IDLE_TIMEOUT_SECONDS, false, false);
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
   * @param maxLifetimeSeconds a token whose exp is further ahead than this (plus the clock skew) is refused
   */
  public record Jwt(
      JwtAlgorithm algorithm,
      Optional<Secret> secret,
      List<io.vertx.core.json.JsonObject> jwks,
      Optional<Path> devnetSecretFile,
      Optional<String> issuer,
      Optional<String> audience,
      long maxLifetimeSeconds) {
    /** JWT_MAX_LIFETIME_SECONDS when unset: a day. */
    public static final long DEFAULT_MAX_LIFETIME_SECONDS = 86_400;

    public Jwt(JwtAlgorithm algorithm, Optional<Secret> secret, List<io.vertx.core.json.JsonObject> jwks,
        Optional<Path> devnetSecretFile, Optional<String> issuer, Optional<String> audience) {
      this(algorithm, secret, jwks, devnetSecretFile, issuer, audience, DEFAULT_MAX_LIFETIME_SECONDS);
    }

    /** The same settings with the HS256 secret now known (the devnet one, read or created at start). */
    public Jwt withSecret(Secret value) {
      return new Jwt(algorithm, Optional.of(value), jwks, devnetSecretFile, issuer, audience, maxLifetimeSeconds);
    }
  }
}
