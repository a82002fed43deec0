package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.auth.TestTokens;
import com.lucid.payment.config.ConfigLoader;
import com.lucid.payment.config.ServiceConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** ES256 and EdDSA with public keys from a JWKS file, each token naming its key by kid. */
@Timeout(30)
class JwksAuthenticationTest extends GatewayFixture {
  private static final String PAYOUT = "/payouts/" + EngineDouble.PAYOUT_ID;
  private static final KeyPair OLD_KEY = TestTokens.ecKeyPair();
  private static final KeyPair CURRENT_KEY = TestTokens.ecKeyPair();
  private static final KeyPair ED_KEY = TestTokens.ed25519KeyPair();

  @TempDir static Path dir;

  @Override
  protected ServiceConfig.Gateway gatewayConfig() {
    return jwksGateway("ES256", TestTokens.jwks(TestTokens.ecJwk("2026-01", OLD_KEY),
        TestTokens.ecJwk("2026-11", CURRENT_KEY)));
  }

  /** Through ConfigLoader, as the service reads JWT_JWKS_FILE. */
  private static ServiceConfig.Gateway jwksGateway(String algorithm, JsonObject jwks) {
    try {
      Path file = Files.createTempFile(dir, "jwks", ".json");
      Files.writeString(file, jwks.encodePrettily());
      return ConfigLoader.load(Map.of("DATA_DIR", dir.toString(), "JWT_ALGORITHM", algorithm,
          "JWT_JWKS_FILE", file.toString())).gateway();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String es256(String kid, KeyPair key, JsonObject claims) {
    return TestTokens.sign(key.getPrivate(), TestTokens.header("ES256").put("kid", kid), claims);
  }

  @Test
  void eachKeyVerifiesTheTokensThatNameIt() throws Exception {
    JsonObject claims = TestTokens.claims("svc-reporting", "service");
    assertEquals(200, http.get(PAYOUT, es256("2026-11", CURRENT_KEY, claims)).status());
    assertEquals(200, http.get(PAYOUT, es256("2026-01", OLD_KEY, claims)).status());
    assertEquals("svc-reporting", engine.last().caller().userId());
  }

  @Test
  void tokensNamingAnUnknownKeyTheWrongKeyOrNoKeyAreRefused() throws Exception {
    JsonObject claims = TestTokens.claims("svc-reporting", "service");
    String[] refused = {
        es256("2025-07", CURRENT_KEY, claims),
        es256("2026-01", CURRENT_KEY, claims),
        TestTokens.sign(CURRENT_KEY.getPrivate(), TestTokens.header("ES256"), claims),
        es256("2026-11", TestTokens.ecKeyPair(), claims),
    };
    for (String token : refused) {
      assertEnvelope(http.get(PAYOUT, token), ErrorCode.UNAUTHENTICATED);
    }
    assertTrue(engine.received().isEmpty());
  }

  @Test
  void anHs256TokenKeyedWithThePublicKeyIsRefused() throws Exception {
    String publicJwk = TestTokens.ecJwk("2026-11", CURRENT_KEY).encode();
    String confused = TestTokens.hmac("HmacSHA256", publicJwk, TestTokens.header("HS256").put("kid", "2026-11"),
        TestTokens.claims("mallory", "admin"));
    assertEnvelope(http.get("/admin/wallet", confused), ErrorCode.UNAUTHENTICATED);
    assertTrue(engine.received().isEmpty());
  }

  @Test
  void eddsaKeysWorkTheSameWay() throws Exception {
    Http ed = deployAnother(jwksGateway("EdDSA", TestTokens.jwks(TestTokens.okpJwk("ed-1", ED_KEY))));
    JsonObject claims = TestTokens.claims("node-7", "node_operator");
    String token = TestTokens.sign(ED_KEY.getPrivate(), TestTokens.header("EdDSA").put("kid", "ed-1"), claims);
    assertEquals(200, ed.get(PAYOUT, token).status());
    String es = es256("ed-1", CURRENT_KEY, claims);
    assertEnvelope(ed.get(PAYOUT, es), ErrorCode.UNAUTHENTICATED);
  }
}
