package com.lucid.payment.auth;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.config.ServiceConfig.JwtAlgorithm;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Verifies bearer JWTs. vertx-auth-jwt checks the signature against the configured key(s), {@code exp}/{@code nbf}/
 * {@code iat} with the clock skew, and {@code iss}/{@code aud} when configured; the checks it does not make are made
 * here first: the header's {@code alg} must be the one configured algorithm, keys embedded in the token (jwk, jku, x5u,
 * x5c) and {@code crit} extensions are refused, {@code exp} is required in whole seconds and no further ahead than the
 * configured maximum lifetime, and a JWKS key must be named by {@code kid}.
 */
public final class JwtVerifier {
  /** Tolerated clock difference between the issuer and this service. */
  public static final int CLOCK_SKEW_SECONDS = 30;
  private static final Logger LOG = Logger.getLogger("audit.auth");
  private static final Set<String> REFUSED_HEADERS = Set.of("jwk", "jku", "x5u", "x5c", "crit");
  /** Visible ASCII only: the subject ends up in logs and bus headers. */
  private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7e]{1,128}");

  private final JWTAuth provider;
  private final ServiceConfig.Jwt config;

  private JwtVerifier(JWTAuth provider, ServiceConfig.Jwt config) {
    this.provider = provider;
    this.config = config;
  }

  /** A verifier for the configured algorithm; for HS256 the secret must already be known (see DevnetSecret). */
  public static JwtVerifier create(Vertx vertx, ServiceConfig.Jwt config) {
    JWTOptions options = new JWTOptions().setLeeway(CLOCK_SKEW_SECONDS);
    config.issuer().ifPresent(options::setIssuer);
    config.audience().ifPresent(a -> options.setAudience(List.of(a)));
    JWTAuthOptions auth = new JWTAuthOptions().setJWTOptions(options);
    if (config.algorithm() == JwtAlgorithm.HS256) {
      String secret = config.secret().orElseThrow(() -> new IllegalStateException("the HS256 secret is not loaded"))
          .value();
      auth.addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret));
    } else {
      config.jwks().forEach(key -> auth.addJwk(key.copy()));
    }
    return new JwtVerifier(JWTAuth.create(vertx, auth), config);
  }

  /**
   * The caller a token stands for; fails with an {@link ApiFailure}: UNAUTHENTICATED for any token problem, FORBIDDEN
   * for a valid token whose role is unknown.
   */
  public Future<Caller> verify(String token) {
    TokenParts parts = TokenParts.parse(token).orElse(null);
    if (parts == null) {
      return refuse("malformed token", "the token is not a signed JWT");
    }
    String problem = headerProblem(parts.header());
    if (problem == null) {
      problem = claimsProblem(parts.claims(), System.currentTimeMillis() / 1000);
    }
    if (problem != null) {
      return refuse(problem, problem);
    }
    Future<?> verified;
    try {
      verified = provider.authenticate(new TokenCredentials(token));
    } catch (RuntimeException e) {
      verified = Future.failedFuture(e);
    }
    return verified.transform(done -> done.succeeded()
        ? caller(parts.claims())
        : refuse(done.cause().getMessage(), "invalid or expired token"));
  }

  private String headerProblem(JsonObject header) {
    if (!config.algorithm().jwsName().equals(header.getValue("alg"))) {
      return "the token's algorithm is not accepted";
    }
    for (String name : REFUSED_HEADERS) {
      if (header.containsKey(name)) {
        return "tokens carrying their own key or critical extensions are refused";
      }
    }
    if (config.algorithm() != JwtAlgorithm.HS256 && !(header.getValue("kid") instanceof String)) {
      return "the token names no key (kid)";
    }
    return null;
  }

  /**
   * The library reads these claims with casts and compares times as doubles (so {@code exp: 1e400} would be forever):
   * the times must be whole seconds, and exp within the maximum lifetime from now.
   */
  private String claimsProblem(JsonObject claims, long nowSeconds) {
    Object exp = claims.getValue("exp");
    if (exp == null) {
      return "the token has no exp claim";
    }
    if (!wholeSeconds(exp)) {
      return "the token's exp claim is not a time in whole seconds";
    }
    if (((Number) exp).longValue() > nowSeconds + config.maxLifetimeSeconds() + CLOCK_SKEW_SECONDS) {
      return "the token's exp is further ahead than the longest lifetime accepted";
    }
    for (String time : new String[] {"iat", "nbf"}) {
      Object value = claims.getValue(time);
      if (value != null && !wholeSeconds(value)) {
        return "the token's " + time + " claim is not a time in whole seconds";
      }
    }
    Object iss = claims.getValue("iss");
    Object aud = claims.getValue("aud");
    if ((iss != null && !(iss instanceof String)) || (aud != null && !(aud instanceof String || stringsOnly(aud)))) {
      return "the token's iss or aud claim is malformed";
    }
    return null;
  }

  private static boolean wholeSeconds(Object value) {
    return (value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0;
  }

  private static boolean stringsOnly(Object value) {
    return value instanceof JsonArray array && array.stream().allMatch(String.class::isInstance);
  }

  private static Future<Caller> caller(JsonObject claims) {
    Object subject = claims.containsKey("sub") ? claims.getValue("sub") : claims.getValue("user_id");
    if (!(subject instanceof String s) || !SUBJECT.matcher(s).matches()) {
      return refuse("no usable subject", "the token has no usable sub or user_id claim");
    }
    Object claim = claims.getValue("role");
    return Role.fromClaim(claim instanceof String r ? r : null)
        .map(role -> Future.succeededFuture(new Caller(s, role)))
        .orElseGet(() -> Future.failedFuture(new ApiFailure(ErrorCode.FORBIDDEN,
            "the token's role is not one of admin, service, node_operator, end_user")));
  }

  private static <T> Future<T> refuse(String reason, String message) {
    LOG.fine(() -> "token refused: " + reason);
    return Future.failedFuture(new ApiFailure(ErrorCode.UNAUTHENTICATED, message));
  }
}
