package com.lucid.payment.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Map<String, String> env(String... kv) {
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", dir.toString());
    for (int i = 0; i < kv.length; i += 2) {
      env.put(kv[i], kv[i + 1]);
    }
    return env;
  }

  @Test
  void noConfigurationMeansDevnetEmbeddedStoreOnLoopback() {
    ServiceConfig c = ConfigLoader.load(env());
    assertEquals(TronNetwork.DEVNET, c.tron().network());
    assertEquals("127.0.0.1", c.http().bindAddress());
    assertEquals(8080, c.http().gatewayPort());
    assertEquals(8090, c.http().managementPort());
    assertTrue(c.store().embedded());
    assertEquals(dir.resolve("payments.mv.db"), c.store().embeddedFile());
    assertEquals(dir.resolve("devnet-hot-wallet.key"), c.tron().privateKeyFile());
    assertEquals("lucid_payments", c.store().database());
    assertFalse(c.tron().torOnly());
    assertEquals(Level.INFO, c.logging().level());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "TRON_NETWORK|moonnet|TRON_NETWORK: 'moonnet' is not one of mainnet, shasta, nile, devnet",
      "PORT|http|PORT: 'http' is not a whole number from 0 to 65535",
      "PORT|70000|PORT: '70000' is not a whole number from 0 to 65535",
      "METRICS_PORT|-1|METRICS_PORT: '-1' is not a whole number from 0 to 65535",
      "METRICS_PORT|8080|METRICS_PORT: must differ from the gateway PORT (8080)",
      "BIND_ADDRESS|not an address|BIND_ADDRESS: 'not an address' is not an IP address or host name",
      "TRON_NODE_URL|ftp://node|TRON_NODE_URL: 'ftp://node' is not an http:// or https:// URL",
      "TOR_PROXY|http://127.0.0.1:9050|TOR_PROXY: 'http://127.0.0.1:9050' is not of the form socks5://host:port",
      "TOR_PROXY|socks5://tor|TOR_PROXY: 'socks5://tor' is not of the form socks5://host:port",
      "TOR_ONLY|yes|TOR_ONLY: 'yes' is not true or false",
      "TOR_ONLY|true|TOR_ONLY: is true but TOR_PROXY is not set: refusing to connect to TRON directly",
      "MONGO_URL|postgres://db|MONGO_URL: must start with mongodb:// or mongodb+srv://",
      "MONGO_DATABASE|bad name!|MONGO_DATABASE: 'bad name!' is not a valid database name",
      "LOG_LEVEL|LOUD|LOG_LEVEL: 'LOUD' is not one of debug, info, warning, error, critical",
      "LOG_FORMAT|xml|LOG_FORMAT: 'xml' is not one of text, json",
      "STORE_FSYNC|1|STORE_FSYNC: '1' is not true or false",
      "DEVNET_BLOCK_MS|5|DEVNET_BLOCK_MS: '5' is not a whole number from 10 to 60000",
      "TRON_CONTRACT_ADDRESS|0xdeadbeef|TRON_CONTRACT_ADDRESS: '0xdeadbeef' is not a base58 TRON address (T + 33 chars)",
      "TRON_TX_EXPIRATION_SECONDS|0|TRON_TX_EXPIRATION_SECONDS: '0' is not a whole number from 1 to 3600",
      "TRON_FEE_LIMIT_MARGIN_PERCENT|99|TRON_FEE_LIMIT_MARGIN_PERCENT: '99' is not a whole number from 100 to 1000",
      "TRON_FEE_LIMIT_CAP_TRX|20000|TRON_FEE_LIMIT_CAP_TRX: '20000' is not a whole number from 1 to 15000",
      "TRON_EXTRA_CONFIRMATIONS|-1|TRON_EXTRA_CONFIRMATIONS: '-1' is not a whole number from 0 to 1000",
      "TRON_REQUEST_TIMEOUT_MS|fast|TRON_REQUEST_TIMEOUT_MS: 'fast' is not a whole number from 100 to 120000",
      "TRON_BREAKER_MAX_FAILURES|0|TRON_BREAKER_MAX_FAILURES: '0' is not a whole number from 1 to 1000",
      "DEVNET_CONTROL|on|DEVNET_CONTROL: 'on' is not true or false",
      "DEVNET_FUND_USDT|-5|DEVNET_FUND_USDT: '-5' is not a whole number from 0 to 1000000000",
  })
  void eachBadValueStopsStartUpWithItsMessage(String variable, String value, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(variable, value)));
    assertEquals(message, e.getMessage());
    assertEquals(variable, e.variable());
  }

  @Test
  void tronClientDefaultsAreTheProductOnes() {
    ServiceConfig.Tron t = ConfigLoader.load(env()).tron();
    assertEquals(new ServiceConfig.Transfers(60_000, 130, 100_000_000L, 0, 30_000, 2, 600_000), t.transfers());
    assertEquals(new ServiceConfig.Nodes(5_000, 60_000, 10_000, 5, 30_000), t.nodes());
    assertEquals(new ServiceConfig.Devnet(false, 100_000_000_000L, 1_000_000_000_000L), t.devnet());
    ServiceConfig.Tron tuned = ConfigLoader.load(env("TRON_TX_EXPIRATION_SECONDS", "3",
        "TRON_FEE_LIMIT_CAP_TRX", "2", "DEVNET_CONTROL", "true", "DEVNET_FUND_TRX", "5")).tron();
    assertEquals(3_000, tuned.transfers().expirationMs());
    assertEquals(2_000_000L, tuned.transfers().feeLimitCapSun());
    assertEquals(new ServiceConfig.Devnet(true, 5_000_000L, 1_000_000_000_000L), tuned.devnet());
  }

  @Test
  void devnetControlIsRefusedOnRealNetworks() throws IOException {
    Path key = privateKeyFile("rw-------");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(
        "TRON_NETWORK", "nile", "TRON_PRIVATE_KEY_FILE", key.toString(), "DEVNET_CONTROL", "true")));
    assertEquals("DEVNET_CONTROL: is allowed only with TRON_NETWORK=devnet", e.getMessage());
  }

  @Test
  void mainnetRequiresTorOnlyAndAProxy() throws IOException {
    Path key = privateKeyFile("rw-------");
    ConfigException noTor = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(
        "TRON_NETWORK", "mainnet", "TRON_PRIVATE_KEY_FILE", key.toString())));
    assertEquals("TRON_NETWORK: mainnet requires TOR_ONLY=true and TOR_PROXY=socks5://host:port", noTor.getMessage());
    ServiceConfig ok = ConfigLoader.load(env("TRON_NETWORK", "mainnet", "TRON_PRIVATE_KEY_FILE", key.toString(),
        "TOR_ONLY", "true", "TOR_PROXY", "socks5://127.0.0.1:9050", "JWT_SECRET_FILE", jwtSecret(40).toString(),
        "PAYOUT_SEAL_KEY_FILE", sealKey().toString(), "JWT_ISSUER", "lucid-auth", "JWT_AUDIENCE",
        "tron-payment-service"));
    assertEquals("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", ok.tron().usdtContract().orElseThrow());
    assertEquals("socks5://127.0.0.1:9050", ok.tron().torProxy().orElseThrow().toString());
    assertEquals(java.util.List.of(ServiceConfig.TronNode.of("https://api.trongrid.io")), ok.tron().nodeUrls(),
        "TronGrid serves both APIs on one URL");
  }

  @Test
  void keyFileReadableByGroupOrOthersIsRefused() throws IOException {
    Path key = privateKeyFile("rw-r-----");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(
        "TRON_NETWORK", "nile", "TRON_PRIVATE_KEY_FILE", key.toString())));
    assertEquals("TRON_PRIVATE_KEY_FILE: file " + key
        + " is accessible by group or others; allow only its owner (chmod 600)", e.getMessage());
  }

  @Test
  void missingKeyFileOutsideDevnetIsRefused() {
    Path missing = dir.resolve("absent.key");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(
        "TRON_NETWORK", "shasta", "TRON_PRIVATE_KEY_FILE", missing.toString())));
    assertEquals("TRON_PRIVATE_KEY_FILE: file " + missing + " does not exist", e.getMessage());
  }

  @Test
  void secretsComeFromFilesAndNeverShowInToString() throws IOException {
    Path url = dir.resolve("mongo_url");
    Files.writeString(url, "mongodb://user:hunter2@db:27017/?replicaSet=rs0\n");
    ServiceConfig c = ConfigLoader.load(env("MONGO_URL_FILE", url.toString()));
    assertEquals("mongodb://user:hunter2@db:27017/?replicaSet=rs0", c.store().mongoUrl().orElseThrow().value());
    assertFalse(c.toString().contains("hunter2"));
    ConfigException both = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(
        "MONGO_URL_FILE", url.toString(), "MONGO_URL", "mongodb://x")));
    assertEquals("MONGO_URL: set either MONGO_URL or MONGO_URL_FILE, not both", both.getMessage());
    ConfigException unreadable = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(
        "TRON_API_KEY_FILE", dir.resolve("nope").toString())));
    assertTrue(unreadable.getMessage().startsWith("TRON_API_KEY_FILE: file "), unreadable.getMessage());
  }

  @Test
  void portAliasesMustAgree() {
    assertEquals(9000, ConfigLoader.load(env("SERVICE_PORT", "9000")).http().gatewayPort());
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(env("PORT", "9000", "SERVICE_PORT", "9001")));
    assertEquals("SERVICE_PORT: conflicts with PORT; set only one of them", e.getMessage());
  }

  @Test
  void nodeUrlsAreAListWithoutTrailingSlashes() {
    ServiceConfig c = ConfigLoader.load(env("TRON_NODE_URL", "http://a:8090/, https://b.example"));
    assertEquals(java.util.List.of(ServiceConfig.TronNode.of("http://a:8090"),
        ServiceConfig.TronNode.of("https://b.example")), c.tron().nodeUrls());
  }

  @Test
  void eachNodeIsOneUrlOrItsFullNodeAndSolidityUrls() {
    ServiceConfig c = ConfigLoader.load(env("TRON_NODE_URL",
        "https://api.trongrid.io, http://node:8090/ | http://node:8091/"));
    assertEquals(java.util.List.of(ServiceConfig.TronNode.of("https://api.trongrid.io"),
        new ServiceConfig.TronNode("http://node:8090", "http://node:8091")), c.tron().nodeUrls());
    assertTrue(c.tron().nodeUrls().get(1).split());
  }

  @Test
  void aNodeWithThreeUrlsOrATronWebStyleSolidityVariableIsRefused() {
    ConfigException three = assertThrows(ConfigException.class, () -> ConfigLoader.load(env("TRON_NODE_URL",
        "http://a:1|http://a:2|http://a:3")));
    assertEquals("TRON_NODE_URL: 'http://a:1|http://a:2|http://a:3' has more than one '|': each node is URL or "
        + "FULL_URL|SOLIDITY_URL", three.getMessage());
    ConfigException badSolidity = assertThrows(ConfigException.class, () -> ConfigLoader.load(env("TRON_NODE_URL",
        "http://a:8090|node:8091")));
    assertEquals("TRON_NODE_URL: 'node:8091' is not an http:// or https:// URL", badSolidity.getMessage());
    ConfigException tronWeb = assertThrows(ConfigException.class, () -> ConfigLoader.load(env("TRON_NODE_URL",
        "http://a:8090", "TRON_SOLIDITY_NODE_URL", "http://a:8091")));
    assertEquals("TRON_SOLIDITY_NODE_URL: is not read: give each node's solidity URL after its full-node URL in "
        + "TRON_NODE_URL, e.g. TRON_NODE_URL=http://node:8090|http://node:8091", tronWeb.getMessage());
  }

  @Test
  void devnetWithoutAJwtSecretWaitsForItsGeneratedOneAndLimitsAreUnscaled() {
    ServiceConfig c = ConfigLoader.load(env());
    ServiceConfig.Jwt jwt = c.gateway().jwt();
    assertEquals(ServiceConfig.JwtAlgorithm.HS256, jwt.algorithm());
    assertTrue(jwt.secret().isEmpty());
    assertEquals(dir.resolve("devnet-jwt-secret"), jwt.devnetSecretFile().orElseThrow());
    assertEquals(1, c.gateway().rateLimitMultiplier());
    assertEquals(50, ConfigLoader.load(env("RATE_LIMIT_MULTIPLIER", "50")).gateway().rateLimitMultiplier());
  }

  @Test
  void hs256SecretIsTheTrimmedTextOfItsFileAndNeverShows() throws IOException {
    Path file = dir.resolve("jwt_secret");
    Files.writeString(file, "  correct-horse-battery-staple-0123456789\n");
    ServiceConfig c = ConfigLoader.load(env("JWT_SECRET_FILE", file.toString(), "JWT_ISSUER", "lucid-auth",
        "JWT_AUDIENCE", "lucid-payment"));
    ServiceConfig.Jwt jwt = c.gateway().jwt();
    assertEquals("correct-horse-battery-staple-0123456789", jwt.secret().orElseThrow().value());
    assertTrue(jwt.devnetSecretFile().isEmpty());
    assertEquals("lucid-auth", jwt.issuer().orElseThrow());
    assertEquals("lucid-payment", jwt.audience().orElseThrow());
    assertFalse(c.toString().contains("correct-horse"));
  }

  @Test
  void jwtSettingsThatCannotWorkStopStartUp() throws IOException {
    Path key = privateKeyFile("rw-------");
    Path shortSecret = jwtSecret(31);
    Path jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, "{\"keys\":[]}");
    String[][] cases = {
        {"JWT_ALGORITHM", "RS256", "JWT_ALGORITHM: 'RS256' is not one of HS256, ES256, EdDSA"},
        {"JWT_ALGORITHM", "none", "JWT_ALGORITHM: 'none' is not one of HS256, ES256, EdDSA"},
        {"JWT_SECRET_FILE", shortSecret.toString(),
            "JWT_SECRET_FILE: file " + shortSecret + " holds 31 bytes; HS256 needs at least 32"},
        {"JWT_JWKS_FILE", jwks.toString(),
            "JWT_JWKS_FILE: is for JWT_ALGORITHM=ES256 or EdDSA; HS256 uses JWT_SECRET_FILE"},
        {"RATE_LIMIT_MULTIPLIER", "0", "RATE_LIMIT_MULTIPLIER: '0' is not a whole number from 1 to 1000000"},
    };
    for (String[] c : cases) {
      ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(c[0], c[1])));
      assertEquals(c[2], e.getMessage());
    }
    ConfigException noSecret = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(
        "TRON_NETWORK", "nile", "TRON_PRIVATE_KEY_FILE", key.toString())));
    assertEquals("JWT_SECRET_FILE: is required on nile with JWT_ALGORITHM=HS256 (a file of at least 32 bytes)",
        noSecret.getMessage());
    ConfigException noJwks = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(
        "JWT_ALGORITHM", "ES256")));
    assertEquals("JWT_JWKS_FILE: is required with JWT_ALGORITHM=ES256 (a JWKS file of public keys)",
        noJwks.getMessage());
    ConfigException both = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(
        "JWT_ALGORITHM", "EdDSA", "JWT_SECRET_FILE", jwtSecret(40).toString(), "JWT_JWKS_FILE", jwks.toString())));
    assertEquals("JWT_SECRET_FILE: is for JWT_ALGORITHM=HS256; EdDSA uses JWT_JWKS_FILE", both.getMessage());
  }

  private Path jwtSecret(int bytes) throws IOException {
    Path file = dir.resolve("jwt-secret-" + bytes);
    Files.writeString(file, "s".repeat(bytes) + "\n");
    return file;
  }

  private Path sealKey() throws IOException {
    Path file = dir.resolve("seal-key");
    Files.writeString(file, "k".repeat(32) + "\n");
    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private Path privateKeyFile(String perms) throws IOException {
    Path key = dir.resolve("key-" + perms.replace("-", "_"));
    Files.writeString(key, "0000000000000000000000000000000000000000000000000000000000000001");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(perms));
    return key;
  }
}
