package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.app.TokenCommand;
import com.lucid.payment.auth.DevnetSecret;
import com.lucid.payment.auth.TestTokens;
import com.lucid.payment.config.ConfigLoader;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.testing.ServiceProcess;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `token --sub NAME --role ROLE [--ttl]`: what it prints verifies with a gateway of the same environment. */
@Timeout(60)
class TokenCommandTest extends GatewayFixture {
  @TempDir Path dir;

  /** The outcome of one run: exit status, stdout, stderr. */
  private record Run(int status, String out, String err) {}

  private Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = TokenCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Map<String, String> env(String... kv) {
    Map<String, String> env = new HashMap<>(Map.of("DATA_DIR", dir.toString()));
    for (int i = 0; i < kv.length; i += 2) {
      env.put(kv[i], kv[i + 1]);
    }
    return env;
  }

  /** The gateway the service would run with this environment (creating the devnet secret as the service does). */
  private Http serviceGateway(Map<String, String> env) throws Exception {
    ServiceConfig.Gateway config = ConfigLoader.load(env).gateway();
    return deployAnother(new ServiceConfig.Gateway(DevnetSecret.ensure(config.jwt()), config.rateLimitMultiplier()));
  }

  private static JsonObject claims(String token) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  @Test
  void aDevnetTokenVerifiesWithTheGatewayAndLastsItsTtl() throws Exception {
    Http service = serviceGateway(env());
    Run run = run(env(), "--sub", "ops-anna", "--role", "ADMIN", "--ttl", "2h");
    assertEquals(0, run.status(), run.err());
    String token = run.out().strip();
    assertFalse(token.contains("\n"));
    JsonObject claims = claims(token);
    assertEquals("ops-anna", claims.getString("sub"));
    assertEquals("admin", claims.getString("role"));
    assertEquals(7200, claims.getLong("exp") - claims.getLong("iat"));
    assertEquals(200, service.get("/admin/wallet", token).status());
    assertEquals("ops-anna", engine.last().caller().userId());
    assertEnvelope(http.get("/admin/wallet", token), ErrorCode.UNAUTHENTICATED);

    String fifteen = run(env(), "--role", "end_user", "--sub", "u-1").out().strip();
    assertEquals(900, claims(fifteen).getLong("exp") - claims(fifteen).getLong("iat"));
  }

  @Test
  void aSecretFileTokenCarriesTheConfiguredIssuerAndAudience() throws Exception {
    Path secret = dir.resolve("jwt_secret");
    Files.writeString(secret, TestTokens.SECRET + "\n");
    Map<String, String> env = env("JWT_SECRET_FILE", secret.toString(), "JWT_ISSUER", "lucid-auth",
        "JWT_AUDIENCE", "lucid-payment");
    Http service = serviceGateway(env);
    String token = run(env, "--sub", "svc", "--role", "service").out().strip();
    assertEquals("lucid-auth", claims(token).getString("iss"));
    assertEquals(200, service.get("/payouts", token).status());
    assertFalse(Files.exists(dir.resolve("devnet-jwt-secret")));
  }

  @Test
  void usageErrorsSayWhatIsWrongAndExit2() {
    String[][] cases = {
        {"--sub is required"},
        {"--sub is required", "--role", "admin"},
        {"--role must be admin, service, node_operator or end_user", "--sub", "a"},
        {"--role must be admin, service, node_operator or end_user", "--sub", "a", "--role", "root"},
        {"--ttl '15' is not a number with s, m, h or d", "--sub", "a", "--role", "admin", "--ttl", "15"},
        {"--ttl 31d is longer than 30d", "--sub", "a", "--role", "admin", "--ttl", "31d"},
        {"unknown option '--user'", "--user", "a"},
        {"--role needs a value", "--sub", "a", "--role"},
        {"--sub is given twice", "--sub", "a", "--sub", "b"},
        {"--sub is required: 1 to 128 visible ASCII characters", "--sub", "two words", "--role", "admin"},
    };
    for (String[] c : cases) {
      Run run = run(env(), java.util.Arrays.copyOfRange(c, 1, c.length));
      assertEquals(TokenCommand.USAGE, run.status(), String.join(" ", c));
      assertTrue(run.err().startsWith("token: " + c[0]), run.err());
      assertTrue(run.err().contains("usage: java -jar"), run.err());
      assertEquals("", run.out());
    }
  }

  @Test
  void withoutALocalKeyItRefusesAndCreatesNothing() throws Exception {
    Run devnet = run(env(), "--sub", "a", "--role", "admin");
    assertEquals(TokenCommand.USAGE, devnet.status());
    assertEquals("token: no local signing key: " + dir.resolve("devnet-jwt-secret") + " does not exist yet; start the"
        + " service once on devnet (make run) or set JWT_SECRET_FILE", devnet.err().strip());
    assertFalse(Files.exists(dir.resolve("devnet-jwt-secret")));

    Path jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, TestTokens.jwks(TestTokens.ecJwk("k1", TestTokens.ecKeyPair())).encode());
    Run es256 = run(env("JWT_ALGORITHM", "ES256", "JWT_JWKS_FILE", jwks.toString()), "--sub", "a", "--role", "admin");
    assertEquals(TokenCommand.USAGE, es256.status());
    assertTrue(es256.err().startsWith("token: JWT_ALGORITHM=ES256 verifies with public keys only"), es256.err());

    Run nile = run(env("TRON_NETWORK", "nile"), "--sub", "a", "--role", "admin");
    assertTrue(nile.err().startsWith("token: configuration error: TRON_PRIVATE_KEY_FILE"), nile.err());
  }

  @Test
  void theJarCommandPrintsOnlyTheToken() throws Exception {
    serviceGateway(env());
    try (ServiceProcess ok = ServiceProcess.start(dir, env(), "com.lucid.payment.app.Main",
        "token", "--sub", "cli", "--role", "node_operator")) {
      assertEquals(0, ok.waitForExit(30), ok.output());
      assertEquals(1, ok.lines().size(), ok.output());
      assertEquals("node_operator", claims(ok.lines().get(0)).getString("role"));
    }
    try (ServiceProcess bad = ServiceProcess.start(dir, env(), "com.lucid.payment.app.Main", "token", "--ttl", "1y")) {
      assertEquals(2, bad.waitForExit(30), bad.output());
      assertTrue(bad.output().startsWith("token: "), bad.output());
    }
  }
}
