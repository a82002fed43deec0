package com.lucid.payment.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds JWTs by hand with the JDK's own crypto (not vertx-auth-jwt), so tests can make any token an attacker or a
 * foreign issuer could: other algorithms, extra headers, missing claims, wrong keys.
 */
public final class TestTokens {
  public static final String SECRET = "a-test-secret-of-more-than-thirty-two-bytes";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private TestTokens() {}

  /** Claims of a token valid for ten minutes. */
  public static JsonObject claims(String sub, String role) {
    long now = Instant.now().getEpochSecond();
    return new JsonObject().put("sub", sub).put("role", role).put("iat", now).put("exp", now + 600);
  }

  public static JsonObject header(String alg) {
    return new JsonObject().put("alg", alg).put("typ", "JWT");
  }

  /** An HS256 token for the test secret. */
  public static String hs256(JsonObject claims) {
    return hmac("HmacSHA256", SECRET, header("HS256"), claims);
  }

  public static String hmac(String jdkAlgorithm, String secret, JsonObject header, JsonObject claims) {
    String input = encode(header) + "." + encode(claims);
    try {
      Mac mac = Mac.getInstance(jdkAlgorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jdkAlgorithm));
      return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs with an EC P-256 key (JWS wants the raw r||s form) or an Ed25519 key. */
  public static String sign(PrivateKey key, JsonObject header, JsonObject claims) {
    String input = encode(header) + "." + encode(claims);
    try {
      Signature signature = Signature.getInstance(
          key.getAlgorithm().equals("EC") ? "SHA256withECDSAinP1363Format" : "Ed25519");
      signature.initSign(key);
      signature.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code alg: none}: header and claims, empty signature. */
  public static String unsigned(JsonObject claims) {
    return encode(header("none")) + "." + encode(claims) + ".";
  }

  public static String encode(JsonObject json) {
    return B64.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  public static KeyPair ecKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static KeyPair ed25519KeyPair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public JWK of a P-256 key pair. */
  public static JsonObject ecJwk(String kid, KeyPair pair) {
    ECPublicKey pub = (ECPublicKey) pair.getPublic();
    return new JsonObject().put("kty", "EC").put("crv", "P-256").put("kid", kid)
        .put("x", coordinate(pub.getW().getAffineX())).put("y", coordinate(pub.getW().getAffineY()));
  }

  /** The public JWK of an Ed25519 key pair: the last 32 bytes of its X.509 encoding. */
  public static JsonObject okpJwk(String kid, KeyPair pair) {
    byte[] encoded = pair.getPublic().getEncoded();
    return new JsonObject().put("kty", "OKP").put("crv", "Ed25519").put("kid", kid)
        .put("x", B64.encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)));
  }

  public static JsonObject jwks(JsonObject... keys) {
    return new JsonObject().put("keys", new JsonArray(Arrays.asList((Object[]) keys)));
  }

  private static String coordinate(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] fixed = new byte[32];
    int n = Math.min(32, bytes.length);
    System.arraycopy(bytes, bytes.length - n, fixed, 32 - n, n);
    return B64.encodeToString(fixed);
  }
}
