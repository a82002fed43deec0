package com.lucid.payment.config;

import com.lucid.payment.config.ServiceConfig.JwtAlgorithm;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads JWT_JWKS_FILE: public signing keys only, each with a unique {@code kid}, all of the configured algorithm's
 * type, every EC point on P-256. vertx-auth-jwt accepts a malformed key silently and skips a bad one with a warning, so
 * every check is made here, and only the members verification needs are passed on.
 */
final class JwksFile {
  private static final String VARIABLE = "JWT_JWKS_FILE";
  private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
  private static final BigInteger P256_P =
      new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
  private static final BigInteger P256_B =
      new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

  private JwksFile() {}

  static List<JsonObject> read(Path file, JwtAlgorithm algorithm) {
    JsonArray keys;
    try {
      keys = new JsonObject(Files.readString(file)).getJsonArray("keys");
    } catch (IOException e) {
      throw new ConfigException(VARIABLE, "file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    } catch (DecodeException | ClassCastException e) {
      throw new ConfigException(VARIABLE, "file " + file + " is not a JWKS document ({\"keys\": [...]})");
    }
    if (keys == null || keys.isEmpty()) {
      throw new ConfigException(VARIABLE, "file " + file + " holds no keys");
    }
    List<JsonObject> accepted = new ArrayList<>();
    Set<String> kids = new HashSet<>();
    for (Object entry : keys) {
      if (!(entry instanceof JsonObject key)) {
        throw new ConfigException(VARIABLE, "every entry of \"keys\" must be a JSON object");
      }
      JsonObject checked = check(key, algorithm);
      if (!kids.add(checked.getString("kid"))) {
        throw new ConfigException(VARIABLE, "kid '" + checked.getString("kid") + "' appears more than once");
      }
      accepted.add(checked);
    }
    return List.copyOf(accepted);
  }

  private static JsonObject check(JsonObject key, JwtAlgorithm algorithm) {
    String kid = text(key, "kid");
    if (kid == null || kid.isEmpty()) {
      throw new ConfigException(VARIABLE, "every key needs a kid: tokens select their key by it");
    }
    for (String member : PRIVATE_MEMBERS) {
      if (key.containsKey(member)) {
        throw new ConfigException(VARIABLE, "key '" + kid + "' holds private key material; give public keys only");
      }
    }
    String alg = text(key, "alg");
    if (alg != null && !alg.equals(algorithm.jwsName())) {
      throw new ConfigException(VARIABLE, "key '" + kid + "' is for " + alg + ", not JWT_ALGORITHM=" + algorithm.jwsName());
    }
    String use = text(key, "use");
    if (use != null && !use.equals("sig")) {
      throw new ConfigException(VARIABLE, "key '" + kid + "' is not a signature key (use=" + use + ")");
    }
    JsonObject publicKey = new JsonObject().put("kid", kid).put("alg", algorithm.jwsName()).put("use", "sig");
    if (algorithm == JwtAlgorithm.ES256) {
      require(key, kid, "EC", "P-256");
      BigInteger x = coordinate(key, kid, "x");
      BigInteger y = coordinate(key, kid, "y");
      if (!onP256(x, y)) {
        throw new ConfigException(VARIABLE, "key '" + kid + "' is not a point on P-256");
      }
      return publicKey.put("kty", "EC").put("crv", "P-256").put("x", key.getString("x")).put("y", key.getString("y"));
    }
    require(key, kid, "OKP", "Ed25519");
    coordinate(key, kid, "x");
    return publicKey.put("kty", "OKP").put("crv", "Ed25519").put("x", key.getString("x"));
  }

  private static void require(JsonObject key, String kid, String kty, String crv) {
    if (!kty.equals(text(key, "kty")) || !crv.equals(text(key, "crv"))) {
      throw new ConfigException(VARIABLE, "key '" + kid + "' must be kty " + kty + " with crv " + crv);
    }
  }

  /** A 32-byte base64url member: a P-256 coordinate or an Ed25519 public key. */
  private static BigInteger coordinate(JsonObject key, String kid, String member) {
    String value = text(key, member);
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(value == null ? "" : value);
      if (bytes.length == 32) {
        return new BigInteger(1, bytes);
      }
    } catch (IllegalArgumentException notBase64) {
      // reported below
    }
    throw new ConfigException(VARIABLE, "key '" + kid + "': " + member + " must be 32 bytes in base64url");
  }

  /** y^2 = x^3 - 3x + b (mod p): a key off the curve is an invalid-curve attack waiting to happen. */
  private static boolean onP256(BigInteger x, BigInteger y) {
    if (x.compareTo(P256_P) >= 0 || y.compareTo(P256_P) >= 0) {
      return false;
    }
    BigInteger left = y.multiply(y).mod(P256_P);
    BigInteger right = x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(P256_B).mod(P256_P);
    return left.equals(right);
  }

  private static String text(JsonObject key, String member) {
    Object value = key.getValue(member);
    return value instanceof String s ? s : null;
  }
}
