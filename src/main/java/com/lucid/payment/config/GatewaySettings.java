package com.lucid.payment.config;

import com.lucid.payment.config.ServiceConfig.JwtAlgorithm;
import com.lucid.payment.config.ServiceConfig.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The gateway's part of the configuration: its listener (timeouts, PROXY protocol, HTTP/2) and JWT verification. */
final class GatewaySettings {
  private static final long MAX_TOKEN_LIFETIME_SECONDS = 366L * 86_400;

  private GatewaySettings() {}

  static ServiceConfig.Gateway read(Env env, Path dataDir, TronNetwork network, int batchBodyLimit) {
    int multiplier = env.integer("RATE_LIMIT_MULTIPLIER", 1, 1, 1_000_000);
    return new ServiceConfig.Gateway(jwt(env, dataDir, network), multiplier, batchBodyLimit, edge(env, network));
  }

  /**
   * Off the devnet the gateway sits behind the onion service, whose torrc (top-level and docker/) exports each
   * client's circuit as a PROXY header: the default follows it, so per-address limits are per circuit.
   */
  private static ServiceConfig.Edge edge(Env env, TronNetwork network) {
    return new ServiceConfig.Edge(
        env.integer("HTTP_HEADER_TIMEOUT_MS", ServiceConfig.Edge.DEFAULT_HEADER_TIMEOUT_MS, 100, 120_000),
        env.integer("HTTP_BODY_TIMEOUT_MS", ServiceConfig.Edge.DEFAULT_BODY_TIMEOUT_MS, 100, 600_000),
        env.integer("HTTP_IDLE_TIMEOUT_SECONDS", ServiceConfig.Edge.DEFAULT_IDLE_TIMEOUT_SECONDS, 1, 3_600),
        env.bool("GATEWAY_PROXY_PROTOCOL", network != TronNetwork.DEVNET),
        env.bool("HTTP2_CLEARTEXT", false));
  }

  /** Exactly one algorithm: HS256 with a secret file (generated on devnet), or ES256 / EdDSA with a JWKS file. */
  private static ServiceConfig.Jwt jwt(Env env, Path dataDir, TronNetwork network) {
    JwtAlgorithm algorithm = jwtAlgorithm(env.get("JWT_ALGORITHM", "HS256"));
    Optional<String> secretFile = env.get("JWT_SECRET_FILE");
    Optional<String> jwksFile = env.get("JWT_JWKS_FILE");
    Optional<String> issuer = env.get("JWT_ISSUER");
    Optional<String> audience = env.get("JWT_AUDIENCE");
    if (network == TronNetwork.MAINNET && (issuer.isEmpty() || audience.isEmpty())) {
      // a token of the same issuer for another service (or another service's key) must not pay out here
      throw new ConfigException(issuer.isEmpty() ? "JWT_ISSUER" : "JWT_AUDIENCE",
          "is required on mainnet: tokens are accepted only with the configured iss and aud");
    }
    long maxLifetime = env.integer("JWT_MAX_LIFETIME_SECONDS",
        (int) ServiceConfig.Jwt.DEFAULT_MAX_LIFETIME_SECONDS, 60, (int) MAX_TOKEN_LIFETIME_SECONDS);
    if (algorithm == JwtAlgorithm.HS256) {
      if (jwksFile.isPresent()) {
        throw new ConfigException("JWT_JWKS_FILE", "is for JWT_ALGORITHM=ES256 or EdDSA; HS256 uses JWT_SECRET_FILE");
      }
      if (secretFile.isPresent()) {
        return new ServiceConfig.Jwt(algorithm, Optional.of(hs256Secret(Path.of(secretFile.get()))), List.of(),
            Optional.empty(), issuer, audience, maxLifetime);
      }
      if (network != TronNetwork.DEVNET) {
        throw new ConfigException("JWT_SECRET_FILE", "is required on " + network.configName()
            + " with JWT_ALGORITHM=HS256 (a file of at least " + ConfigLoader.MIN_HS256_SECRET_BYTES + " bytes)");
      }
      return new ServiceConfig.Jwt(algorithm, Optional.empty(), List.of(),
          Optional.of(dataDir.resolve("devnet-jwt-secret")), issuer, audience, maxLifetime);
    }
    if (secretFile.isPresent()) {
      throw new ConfigException("JWT_SECRET_FILE",
          "is for JWT_ALGORITHM=HS256; " + algorithm.jwsName() + " uses JWT_JWKS_FILE");
    }
    Path jwks = jwksFile.map(Path::of).orElseThrow(() -> new ConfigException("JWT_JWKS_FILE",
        "is required with JWT_ALGORITHM=" + algorithm.jwsName() + " (a JWKS file of public keys)"));
    return new ServiceConfig.Jwt(algorithm, Optional.empty(), JwksFile.read(jwks, algorithm), Optional.empty(),
        issuer, audience, maxLifetime);
  }

  private static JwtAlgorithm jwtAlgorithm(String value) {
    for (JwtAlgorithm a : JwtAlgorithm.values()) {
      if (a.jwsName().equalsIgnoreCase(value)) {
        return a;
      }
    }
    throw new ConfigException("JWT_ALGORITHM", "'" + value + "' is not one of HS256, ES256, EdDSA");
  }

  /** The key is the file's text, trimmed, as UTF-8: the same bytes the Lucid auth service signs with. */
  private static Secret hs256Secret(Path file) {
    String text = Env.readSecretFile("JWT_SECRET_FILE", file);
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes < ConfigLoader.MIN_HS256_SECRET_BYTES) {
      throw new ConfigException("JWT_SECRET_FILE", "file " + file + " holds " + bytes + " bytes; HS256 needs at least "
          + ConfigLoader.MIN_HS256_SECRET_BYTES);
    }
    return new Secret(text);
  }
}
