package com.lucid.payment.config;

import com.lucid.payment.config.ServiceConfig.Secret;
import com.lucid.payment.config.ServiceConfig.SocksProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Pattern;

/** Reads the environment once and validates it into a {@link ServiceConfig}; the first bad value stops start-up. */
public final class ConfigLoader {
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]]+");
  /** HS256 secrets shorter than the hash output are brute-forceable offline from any one token. */
  public static final int MIN_HS256_SECRET_BYTES = 32;
  static final Pattern BASE58_ADDRESS = Pattern.compile("T[1-9A-HJ-NP-Za-km-z]{33}");
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private static final long SUN_PER_TRX = 1_000_000L;
  private static final long USDT_UNITS = 1_000_000L;

  private ConfigLoader() {}

  public static ServiceConfig fromEnvironment() {
    return load(System.getenv());
  }

  public static ServiceConfig load(Map<String, String> vars) {
    Env env = new Env(vars);
    Path dataDir = Path.of(env.get("DATA_DIR", "data"));
    ServiceConfig.Http http = http(env);
    ServiceConfig.Tron tron = tron(env, dataDir);
    ServiceConfig.Store store = store(env, dataDir);
    ServiceConfig.Logging logging = logging(env);
    ServiceConfig.Payouts payouts = PayoutsReader.read(env);
    return new ServiceConfig(http, tron, store, logging, payouts,
        GatewaySettings.read(env, dataDir, tron.network(), batchBodyLimit(payouts.batches().maxItems())),
        integrity(env, dataDir, tron.network(), store));
  }

  private static ServiceConfig.Http http(Env env) {
    String bind = env.get("BIND_ADDRESS", "127.0.0.1");
    if (!HOST.matcher(bind).matches()) {
      throw new ConfigException("BIND_ADDRESS", "'" + bind + "' is not an IP address or host name");
    }
    int gateway = env.firstOf("PORT", "SERVICE_PORT").map(v -> Env.parseInt("PORT", v, 0, 65535)).orElse(8080);
    int management = env.integer("METRICS_PORT", 8090, 0, 65535);
    if (gateway != 0 && gateway == management) {
      throw new ConfigException("METRICS_PORT", "must differ from the gateway PORT (" + gateway + ")");
    }
    return new ServiceConfig.Http(bind, gateway, management);
  }

  private static ServiceConfig.Tron tron(Env env, Path dataDir) {
    TronNetwork network = env.oneOf("TRON_NETWORK", TronNetwork.class, TronNetwork.DEVNET);
    if (env.get(TronNodes.SOLIDITY_VARIABLE).isPresent()) {
      throw TronNodes.misplacedSolidityUrl();
    }
    List<ServiceConfig.TronNode> nodes = env.get(TronNodes.VARIABLE)
        .map(v -> TronNodes.parse(v, url -> NodeUrls.parse(url, network).get(0)))
        .orElse(network.defaultNodeUrls().stream().map(ServiceConfig.TronNode::of).toList());
    Optional<Path> nodeCaFile = NodeUrls.caFile(env);
    Optional<String> usdt = env.firstOf("TRON_CONTRACT_ADDRESS", "USDT_CONTRACT_ADDRESS")
        .or(() -> Optional.ofNullable(network.defaultUsdtContract()));
    usdt.ifPresent(u -> {
      if (!BASE58_ADDRESS.matcher(u).matches()) {
        throw new ConfigException("TRON_CONTRACT_ADDRESS", "'" + u + "' is not a base58 TRON address (T + 33 chars)");
      }
    });
    Optional<SocksProxy> proxy = env.get("TOR_PROXY").map(NodeUrls::socksProxy);
    boolean torOnly = env.bool("TOR_ONLY", false);
    if (torOnly && proxy.isEmpty()) {
      throw new ConfigException("TOR_ONLY", "is true but TOR_PROXY is not set: refusing to connect to TRON directly");
    }
    if (network == TronNetwork.MAINNET && !(torOnly && proxy.isPresent())) {
      throw new ConfigException("TRON_NETWORK", "mainnet requires TOR_ONLY=true and TOR_PROXY=socks5://host:port");
    }
    Path defaultKey = network == TronNetwork.DEVNET
        ? dataDir.resolve("devnet-hot-wallet.key") : Path.of("/run/secrets/tron_private_key");
    Path keyFile = Path.of(env.get("TRON_PRIVATE_KEY_FILE", defaultKey.toString()));
    checkKeyFile(keyFile, network);
    Optional<Secret> apiKey = env.secret("TRON_API_KEY");
    int blockMs = env.integer("DEVNET_BLOCK_MS", 3000, 10, 60_000);
    return new ServiceConfig.Tron(network, nodes, nodeCaFile, usdt, keyFile, apiKey, proxy, torOnly, blockMs,
        transfers(env), nodeClient(env), devnet(env, network));
  }

  private static ServiceConfig.Transfers transfers(Env env) {
    // at most an hour: dead attempts are proven by reading every block of their window
    long expirationMs = env.integer("TRON_TX_EXPIRATION_SECONDS", 60, 1, 3_600) * 1000L;
    int margin = env.integer("TRON_FEE_LIMIT_MARGIN_PERCENT", 130, 100, 1000);
    long capSun = env.integer("TRON_FEE_LIMIT_CAP_TRX", 100, 1, 15_000) * SUN_PER_TRX;
    int extra = env.integer("TRON_EXTRA_CONFIRMATIONS", 0, 0, 1000);
    long skewMs = env.integer("TRON_CLOCK_SKEW_MS", 30_000, 0, 600_000);
    int resigns = env.integer("PAYOUT_MAX_EXPIRY_RESIGNS", 2, 0, 100);
    long proofTimeoutMs = env.integer("PAYOUT_EXPIRY_PROOF_TIMEOUT_SECONDS", 600, 1, 86_400) * 1000L;
    return new ServiceConfig.Transfers(expirationMs, margin, capSun, extra, skewMs, resigns, proofTimeoutMs);
  }

  private static ServiceConfig.Nodes nodeClient(Env env) {
    return new ServiceConfig.Nodes(
        env.integer("TRON_CONNECT_TIMEOUT_MS", 5_000, 100, 120_000),
        env.integer("TRON_IDLE_TIMEOUT_MS", 60_000, 1_000, 3_600_000),
        env.integer("TRON_REQUEST_TIMEOUT_MS", 10_000, 100, 120_000),
        env.integer("TRON_BREAKER_MAX_FAILURES", 5, 1, 1000),
        env.integer("TRON_BREAKER_RESET_MS", 30_000, 100, 3_600_000));
  }

  /** The devnet control API is a fault-injection door: it is refused on every real network. */
  private static ServiceConfig.Devnet devnet(Env env, TronNetwork network) {
    boolean control = env.bool("DEVNET_CONTROL", false);
    if (control && network != TronNetwork.DEVNET) {
      throw new ConfigException("DEVNET_CONTROL", "is allowed only with TRON_NETWORK=devnet");
    }
    long trx = env.integer("DEVNET_FUND_TRX", 100_000, 0, 1_000_000_000) * SUN_PER_TRX;
    long usdt = env.integer("DEVNET_FUND_USDT", 1_000_000, 0, 1_000_000_000) * USDT_UNITS;
    return new ServiceConfig.Devnet(control, trx, usdt);
  }

  /** The key file must be private to its owner; on devnet a missing file is generated later. */
  private static void checkKeyFile(Path keyFile, TronNetwork network) {
    if (!Files.exists(keyFile)) {
      if (network != TronNetwork.DEVNET) {
        throw new ConfigException("TRON_PRIVATE_KEY_FILE", "file " + keyFile + " does not exist");
      }
      return;
    }
    ownerOnly("TRON_PRIVATE_KEY_FILE", keyFile);
  }

  private static void ownerOnly(String variable, Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      if (perms.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
        throw new ConfigException(variable,
            "file " + file + " is accessible by group or others; allow only its owner (chmod 600)");
      }
    } catch (UnsupportedOperationException | IOException e) {
      throw new ConfigException(variable, "cannot read the permissions of " + file);
    }
  }

  /** The seal key is a secret file like the hot wallet's key: required off devnet, generated on it. */
  private static ServiceConfig.Integrity integrity(Env env, Path dataDir, TronNetwork network,
      ServiceConfig.Store store) {
    boolean devnet = network == TronNetwork.DEVNET;
    Path defaultKey = devnet ? dataDir.resolve("devnet-seal.key") : Path.of("/run/secrets/payout_seal_key");
    Path sealKey = Path.of(env.get("PAYOUT_SEAL_KEY_FILE", defaultKey.toString()));
    if (!devnet && !Files.exists(sealKey)) {
      throw new ConfigException("PAYOUT_SEAL_KEY_FILE", "file " + sealKey + " does not exist (32 or more random "
          + "bytes, owner-only: head -c 32 /dev/urandom | xxd -p -c 64 > FILE; chmod 600 FILE)");
    }
    if (Files.exists(sealKey)) {
      ownerOnly("PAYOUT_SEAL_KEY_FILE", sealKey);
    }
    Path journal = Path.of(env.get("SIGNING_JOURNAL_FILE", dataDir.resolve("signing-journal").toString()));
    return new ServiceConfig.Integrity(sealKey, devnet, journal, store.embeddedFsync());
  }

  private static ServiceConfig.Store store(Env env, Path dataDir) {
    Optional<Secret> mongoUrl = env.secret("MONGO_URL");
    mongoUrl.ifPresent(u -> {
      if (!u.value().startsWith("mongodb://") && !u.value().startsWith("mongodb+srv://")) {
        throw new ConfigException("MONGO_URL", "must start with mongodb:// or mongodb+srv://");
      }
    });
    String database = env.get("MONGO_DATABASE", "lucid_payments");
    if (!database.matches("[A-Za-z0-9_-]{1,63}")) {
      throw new ConfigException("MONGO_DATABASE", "'" + database + "' is not a valid database name");
    }
    Path file = Path.of(env.get("EMBEDDED_STORE_FILE", dataDir.resolve("payments.mv.db").toString()));
    return new ServiceConfig.Store(mongoUrl, database, file, env.bool("STORE_FSYNC", false));
  }

  /** 1 MiB for the default 100 items; 2 KiB per item above 512 items, so the item limit is what binds. */
  static int batchBodyLimit(int batchMaxItems) {
    return Math.max(ServiceConfig.Gateway.DEFAULT_BATCH_BODY_LIMIT, batchMaxItems * 2048);
  }

  private static ServiceConfig.Logging logging(Env env) {
    LogLevel level = env.oneOf("LOG_LEVEL", LogLevel.class, LogLevel.INFO);
    LogFormat format = env.oneOf("LOG_FORMAT", LogFormat.class, LogFormat.TEXT);
    return new ServiceConfig.Logging(level.jul, format == LogFormat.JSON);
  }

  private enum LogFormat { TEXT, JSON }

  /** The brief's level names mapped onto java.util.logging. */
  private enum LogLevel {
    DEBUG(Level.FINE), INFO(Level.INFO), WARNING(Level.WARNING), ERROR(Level.SEVERE), CRITICAL(Level.SEVERE);

    private final Level jul;

    LogLevel(Level jul) {
      this.jul = jul;
    }
  }
}
