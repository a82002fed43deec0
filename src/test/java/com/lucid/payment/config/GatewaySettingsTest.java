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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gateway's listener and JWT settings: defaults, bounds, and what mainnet demands. */
class GatewaySettingsTest {
  @TempDir Path dir;

  private Map<String, String> env(String... kv) {
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", dir.toString());
    for (int i = 0; i < kv.length; i += 2) {
      env.put(kv[i], kv[i + 1]);
    }
    return env;
  }

  /** A mainnet environment that is complete but for what the test leaves out or adds. */
  private Map<String, String> mainnet(String... kv) throws IOException {
    Path key = dir.resolve("key");
    Files.writeString(key, "0000000000000000000000000000000000000000000000000000000000000001");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Path secret = Files.writeString(dir.resolve("jwt-secret"), "s".repeat(40));
    Path seal = Files.writeString(dir.resolve("seal-key"), "k".repeat(32));
    Files.setPosixFilePermissions(seal, PosixFilePermissions.fromString("rw-------"));
    Map<String, String> env = env("TRON_NETWORK", "mainnet", "TRON_PRIVATE_KEY_FILE", key.toString(), "TOR_ONLY",
        "true", "TOR_PROXY", "socks5://127.0.0.1:9050", "JWT_SECRET_FILE", secret.toString(),
        "PAYOUT_SEAL_KEY_FILE", seal.toString(),
        "JWT_ISSUER", "lucid-auth", "JWT_AUDIENCE", "tron-payment-service");
    for (int i = 0; i < kv.length; i += 2) {
      env.put(kv[i], kv[i + 1]);
    }
    return env;
  }

  @Test
  void devnetDefaultsAreDirectHttp11WithBoundedTimes() {
    ServiceConfig.Gateway gateway = ConfigLoader.load(env()).gateway();
    assertEquals(ServiceConfig.Edge.DEFAULTS, gateway.edge());
    assertEquals(new ServiceConfig.Edge(10_000, 30_000, 60, false, false), gateway.edge());
    assertEquals(86_400, gateway.jwt().maxLifetimeSeconds());
  }

  @Test
  void offTheDevnetTheGatewayExpectsTorsProxyHeaderAsTheShippedTorrcSends() throws IOException {
    assertTrue(ConfigLoader.load(mainnet()).gateway().edge().proxyProtocol());
    assertFalse(ConfigLoader.load(mainnet("GATEWAY_PROXY_PROTOCOL", "false")).gateway().edge().proxyProtocol());
    assertTrue(ConfigLoader.load(env("GATEWAY_PROXY_PROTOCOL", "true")).gateway().edge().proxyProtocol());
  }

  @Test
  void everyEdgeSettingCanBeTuned() {
    ServiceConfig.Gateway tuned = ConfigLoader.load(env("HTTP_HEADER_TIMEOUT_MS", "2000", "HTTP_BODY_TIMEOUT_MS",
        "5000", "HTTP_IDLE_TIMEOUT_SECONDS", "30", "HTTP2_CLEARTEXT", "true", "JWT_MAX_LIFETIME_SECONDS", "900"))
        .gateway();
    assertEquals(new ServiceConfig.Edge(2_000, 5_000, 30, false, true), tuned.edge());
    assertEquals(900, tuned.jwt().maxLifetimeSeconds());
  }

  @Test
  void mainnetRefusesToStartWithoutIssuerAndAudience() throws IOException {
    Map<String, String> noIssuer = mainnet();
    noIssuer.remove("JWT_ISSUER");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(noIssuer));
    assertEquals("JWT_ISSUER: is required on mainnet: tokens are accepted only with the configured iss and aud",
        e.getMessage());
    Map<String, String> noAudience = mainnet();
    noAudience.remove("JWT_AUDIENCE");
    assertEquals("JWT_AUDIENCE", assertThrows(ConfigException.class, () -> ConfigLoader.load(noAudience)).variable());
    ServiceConfig.Jwt jwt = ConfigLoader.load(mainnet()).gateway().jwt();
    assertEquals("lucid-auth", jwt.issuer().orElseThrow());
    assertEquals("tron-payment-service", jwt.audience().orElseThrow());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "HTTP_HEADER_TIMEOUT_MS|0|HTTP_HEADER_TIMEOUT_MS: '0' is not a whole number from 100 to 120000",
      "HTTP_BODY_TIMEOUT_MS|forever|HTTP_BODY_TIMEOUT_MS: 'forever' is not a whole number from 100 to 600000",
      "HTTP_IDLE_TIMEOUT_SECONDS|0|HTTP_IDLE_TIMEOUT_SECONDS: '0' is not a whole number from 1 to 3600",
      "GATEWAY_PROXY_PROTOCOL|haproxy|GATEWAY_PROXY_PROTOCOL: 'haproxy' is not true or false",
      "HTTP2_CLEARTEXT|yes|HTTP2_CLEARTEXT: 'yes' is not true or false",
      "JWT_MAX_LIFETIME_SECONDS|1e400|JWT_MAX_LIFETIME_SECONDS: '1e400' is not a whole number from 60 to 31622400",
      "JWT_MAX_LIFETIME_SECONDS|59|JWT_MAX_LIFETIME_SECONDS: '59' is not a whole number from 60 to 31622400",
  })
  void eachBadValueStopsStartUpWithItsMessage(String variable, String value, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(variable, value)));
    assertEquals(message, e.getMessage());
    assertEquals(variable, e.variable());
  }
}
