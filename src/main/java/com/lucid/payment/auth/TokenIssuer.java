package com.lucid.payment.auth;

import com.lucid.payment.api.Role;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.config.ServiceConfig.JwtAlgorithm;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints HS256 tokens with the local secret, as the Lucid auth service would: for operators and the devnet banner. */
public final class TokenIssuer {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final ServiceConfig.Jwt config;

  /** Fails unless the configuration is HS256 with its secret known. */
  public TokenIssuer(ServiceConfig.Jwt config) {
    if (config.algorithm() != JwtAlgorithm.HS256 || config.secret().isEmpty()) {
      throw new IllegalStateException("tokens can be minted only with a local HS256 secret");
    }
    this.config = config;
  }

  /** A token for the subject and role, valid from now for the ttl, with the configured iss and aud. */
  public String issue(String subject, Role role, Duration ttl, Instant now) {
    JsonObject claims = new JsonObject()
        .put("sub", subject)
        .put("role", role.claim())
        .put("iat", now.getEpochSecond())
        .put("exp", now.plus(ttl).getEpochSecond())
        .put("jti", UUID.randomUUID().toString());
    config.issuer().ifPresent(iss -> claims.put("iss", iss));
    config.audience().ifPresent(aud -> claims.put("aud", aud));
    String signingInput = encode(new JsonObject().put("alg", "HS256").put("typ", "JWT")) + "." + encode(claims);
    return signingInput + "." + BASE64URL.encodeToString(hmac(signingInput));
  }

  private byte[] hmac(String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(config.secret().orElseThrow().value().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static String encode(JsonObject json) {
    return BASE64URL.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }
}
