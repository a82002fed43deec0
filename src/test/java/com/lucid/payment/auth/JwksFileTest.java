package com.lucid.payment.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lucid.payment.config.ConfigException;
import com.lucid.payment.config.ConfigLoader;
import com.lucid.payment.config.ServiceConfig;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JWT_JWKS_FILE holds public signing keys of the configured type only; anything else stops start-up by name. */
class JwksFileTest {
  private static final KeyPair EC = TestTokens.ecKeyPair();
  @TempDir Path dir;

  private ServiceConfig.Jwt load(String algorithm, String jwks) throws IOException {
    Path file = dir.resolve("jwks.json");
    Files.writeString(file, jwks);
    return ConfigLoader.load(Map.of("DATA_DIR", dir.toString(), "JWT_ALGORITHM", algorithm,
        "JWT_JWKS_FILE", file.toString())).gateway().jwt();
  }

  private String refusal(String algorithm, String jwks) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(algorithm, jwks));
    assertEquals("JWT_JWKS_FILE", e.variable());
    return e.getMessage().substring("JWT_JWKS_FILE: ".length());
  }

  @Test
  void onlyTheMembersVerificationNeedsArePassedOn() throws Exception {
    JsonObject key = TestTokens.ecJwk("k1", EC).put("x5c", new io.vertx.core.json.JsonArray().add("MIIB"))
        .put("key_ops", new io.vertx.core.json.JsonArray().add("verify"));
    ServiceConfig.Jwt jwt = load("es256", TestTokens.jwks(key).encode());
    JsonObject accepted = jwt.jwks().get(0);
    assertEquals(TestTokens.ecJwk("k1", EC).put("alg", "ES256").put("use", "sig"), accepted);
  }

  @Test
  void keysThatCannotBeTrustedAreRefused() {
    JsonObject ec = TestTokens.ecJwk("k1", EC);
    JsonObject ed = TestTokens.okpJwk("e1", TestTokens.ed25519KeyPair());
    assertEquals("every key needs a kid: tokens select their key by it",
        refusal("ES256", TestTokens.jwks(ec.copy().put("kid", (String) null)).encode()));
    assertEquals("key 'k1' holds private key material; give public keys only",
        refusal("ES256", TestTokens.jwks(ec.copy().put("d", "AAAA")).encode()));
    assertEquals("kid 'k1' appears more than once", refusal("ES256", TestTokens.jwks(ec, ec).encode()));
    assertEquals("key 'k1' is for RS256, not JWT_ALGORITHM=ES256",
        refusal("ES256", TestTokens.jwks(ec.copy().put("alg", "RS256")).encode()));
    assertEquals("key 'k1' is not a signature key (use=enc)",
        refusal("ES256", TestTokens.jwks(ec.copy().put("use", "enc")).encode()));
    assertEquals("key 'e1' must be kty EC with crv P-256", refusal("ES256", TestTokens.jwks(ed).encode()));
    assertEquals("key 'k1' must be kty OKP with crv Ed25519", refusal("EdDSA", TestTokens.jwks(ec).encode()));
    assertEquals("key 'k1': x must be 32 bytes in base64url",
        refusal("ES256", TestTokens.jwks(ec.copy().put("x", "AAAA")).encode()));
    assertEquals("key 'k1' is not a point on P-256",
        refusal("ES256", TestTokens.jwks(ec.copy().put("y", ec.getString("x"))).encode()));
    assertEquals("key 'k1' must be kty EC with crv P-256",
        refusal("ES256", TestTokens.jwks(ec.copy().put("kty", "oct")).encode()));
  }

  @Test
  void aFileThatIsNotAKeySetIsRefused() {
    String file = dir.resolve("jwks.json").toString();
    assertEquals("file " + file + " is not a JWKS document ({\"keys\": [...]})", refusal("ES256", "[1, 2]"));
    assertEquals("file " + file + " is not a JWKS document ({\"keys\": [...]})", refusal("ES256", "{\"keys\": 7}"));
    assertEquals("file " + file + " holds no keys", refusal("ES256", "{\"keys\": []}"));
    assertEquals("every entry of \"keys\" must be a JSON object", refusal("ES256", "{\"keys\": [\"k\"]}"));
  }
}
