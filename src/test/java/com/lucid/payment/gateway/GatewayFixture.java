package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.auth.TestTokens;
import com.lucid.payment.bus.PlaneAcl;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.config.ServiceConfig.JwtAlgorithm;
import com.lucid.payment.config.ServiceConfig.Secret;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real GatewayVerticle on 127.0.0.1 (ephemeral port) in a Vert.x with the plane ACL, in front of the engine double;
 * clients talk to it over real HTTP with real JWTs.
 */
@ExtendWith(VertxExtension.class)
abstract class GatewayFixture {
  protected Vertx vertx;
  protected EngineDouble engine;
  protected GatewayVerticle gateway;
  protected Http http;

  @BeforeEach
  void startGateway(Vertx vertx) throws Exception {
    this.vertx = vertx;
    PlaneAcl.install(vertx.eventBus(), new SimpleMeterRegistry());
    engine = EngineDouble.deploy(vertx);
    gateway = new GatewayVerticle("127.0.0.1", 0, gatewayConfig());
    vertx.deployVerticle(gateway).await(10, TimeUnit.SECONDS);
    http = new Http(gateway.actualPort());
  }

  /** The settings of the gateway every test gets; HS256 with the test secret by default. */
  protected ServiceConfig.Gateway gatewayConfig() {
    return hs256(Optional.empty(), Optional.empty(), 1);
  }

  /** Another gateway beside the default one, on its own port. */
  protected Http deployAnother(ServiceConfig.Gateway config) throws Exception {
    return new Http(deployAnotherPort(config));
  }

  /** The same, for raw sockets: the other gateway's port. */
  protected int deployAnotherPort(ServiceConfig.Gateway config) throws Exception {
    GatewayVerticle other = new GatewayVerticle("127.0.0.1", 0, config);
    vertx.deployVerticle(other).await(10, TimeUnit.SECONDS);
    return other.actualPort();
  }

  static ServiceConfig.Gateway hs256(Optional<String> issuer, Optional<String> audience, int multiplier) {
    return new ServiceConfig.Gateway(new ServiceConfig.Jwt(JwtAlgorithm.HS256, Optional.of(new Secret(TestTokens.SECRET)),
        List.of(), Optional.empty(), issuer, audience), multiplier);
  }

  static String token(String user, Role role) {
    return TestTokens.hs256(TestTokens.claims(user, role.claim()));
  }

  /** The envelope exactly: the status, the code, and nothing a client should not see. */
  static JsonObject assertEnvelope(Http.Response response, ErrorCode code) {
    assertEquals(code.status(), response.status(), response.body());
    return assertEnvelope(response, code.code());
  }

  static JsonObject assertEnvelope(Http.Response response, String code) {
    JsonObject error = response.json().getJsonObject("error");
    assertEquals(Set.of("error"), response.json().fieldNames());
    assertEquals(Set.of("code", "message", "details", "request_id", "timestamp"), error.fieldNames());
    assertEquals(code, error.getString("code"));
    assertEquals(response.header("X-Request-ID").orElseThrow(), error.getString("request_id"));
    assertTrue(response.header("Content-Type").orElseThrow().startsWith("application/json"));
    for (String leak : new String[] {"Exception", "exception", "at com.", "at io.", "lucid.wallet", "vertx"}) {
      assertFalse(response.body().contains(leak), "leaks '" + leak + "': " + response.body());
    }
    return error;
  }
}
