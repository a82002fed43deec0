package com.lucid.payment.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker/docker-compose.yml as docker-compose v1 resolves it, offline (no Docker engine needed). */
@Tag("deploy")
class ComposeFileTest {
  private static final String COMPOSE_FILE = "docker/docker-compose.yml";
  private static final String SERVICE = "tron-payment-service";
  private static final Set<String> SECRETS = Set.of("tron_private_key", "jwt_secret", "tron_api_key",
      "payout_seal_key");

  @TempDir Path secrets;
  private Map<String, String> env;

  @BeforeEach
  void throwawaySecrets() throws IOException {
    // stand-ins only: compose needs the files to exist, never their real content
    for (String secret : SECRETS) {
      Files.writeString(secrets.resolve(secret), "test-only-" + secret + "\n");
    }
    env = new HashMap<>();
    env.put("SECRETS_DIR", secrets.toString());
    for (String inherited : List.of("TRON_NODE_URL", "TRON_PAYMENT_IMAGE", "TRON_PAYMENT_TOR_IMAGE",
        "COMPOSE_FILE", "COMPOSE_PROJECT_NAME", "COMPOSE_PROFILES")) {
      env.put(inherited, null);
    }
  }

  @Test
  void composeFileValidatesOffline() throws Exception {
    ExternalTool.Run run = compose("config", "-q");

    assertEquals(0, run.exitCode(), run::describe);
    assertEquals("", run.output().strip(), run::describe);
  }

  @Test
  void nothingIsPublishedAndTheWalletPlaneHasNoRouteOut() throws Exception {
    JsonObject config = resolvedConfig();
    JsonObject networks = config.getJsonObject("networks");
    JsonObject services = config.getJsonObject("services");

    services.forEach(entry -> {
      JsonObject service = (JsonObject) entry.getValue();
      assertNull(service.getValue("ports"), entry.getKey() + " publishes ports");
      assertNull(service.getValue("network_mode"), entry.getKey() + " leaves the compose networks");
      assertFalse(service.getBoolean("privileged", false), entry.getKey() + " is privileged");
    });
    assertTrue(networks.getJsonObject("wallet_plane").getBoolean("internal", false));
    assertTrue(networks.getJsonObject("store_plane").getBoolean("internal", false));
    assertTrue(networks.getJsonObject("monitoring").getBoolean("internal", false));
    assertEquals(Set.of("wallet_plane", "store_plane", "monitoring"), networksOf(services, SERVICE));
    assertEquals(Set.of("monitoring"), networksOf(services, "prometheus"));
    assertEquals(Set.of("monitoring"), networksOf(services, "grafana"));
    assertEquals(Set.of("monitoring", "egress"), networksOf(services, "alertmanager"),
        "only the alert deliverer has a route out of the monitoring network");
    assertEquals(Set.of("store_plane"), networksOf(services, "mongo"));
    assertEquals(Set.of("wallet_plane", "egress"), networksOf(services, "tor"),
        "tor is the wallet plane's only way out");
  }

  @Test
  void serviceRunsHardenedWithinItsLimits() throws Exception {
    JsonObject service = resolvedConfig().getJsonObject("services").getJsonObject(SERVICE);

    assertEquals(Boolean.TRUE, service.getBoolean("read_only"));
    assertTrue(service.getJsonArray("tmpfs").getString(0).startsWith("/tmp:"), "tmpfs /tmp");
    assertEquals(new JsonArray().add("ALL"), service.getJsonArray("cap_drop"));
    assertTrue(service.getJsonArray("security_opt").contains("no-new-privileges:true"));
    assertEquals("65532:65532", service.getString("user"));
    JsonObject resources = service.getJsonObject("deploy").getJsonObject("resources");
    assertEquals("1g", resources.getJsonObject("limits").getString("memory"));
    assertEquals("0.5", String.valueOf(resources.getJsonObject("limits").getValue("cpus")));
    assertEquals("512m", resources.getJsonObject("reservations").getString("memory"));
    assertEquals("0.25", String.valueOf(resources.getJsonObject("reservations").getValue("cpus")));
    assertEquals("1g", service.getString("mem_limit"), "docker-compose v1 honours only mem_limit");
    assertEquals("0.5", String.valueOf(service.getValue("cpus")));
    JsonArray probe = service.getJsonObject("healthcheck").getJsonArray("test");
    assertEquals("CMD", probe.getString(0), "exec form: the image has no shell");
    assertTrue(probe.contains("com.lucid.payment.app.HealthCheck"), probe::encode);
  }

  @Test
  void serviceIsConfiguredForMainnetThroughTorWithFileSecrets() throws Exception {
    JsonObject config = resolvedConfig();
    JsonObject service = config.getJsonObject("services").getJsonObject(SERVICE);
    JsonObject environment = service.getJsonObject("environment");

    assertEquals("mainnet", environment.getString("TRON_NETWORK"));
    assertEquals("true", environment.getString("TOR_ONLY"));
    assertEquals("socks5://tor:9050", environment.getString("TOR_PROXY"));
    assertEquals("0.0.0.0", environment.getString("BIND_ADDRESS"));
    assertEquals("json", environment.getString("LOG_FORMAT"));
    String mongoUrl = environment.getString("MONGO_URL");
    assertTrue(mongoUrl.contains("replicaSet=rs0") && mongoUrl.contains("w=majority"), mongoUrl);
    assertEquals("/run/secrets/tron_private_key", environment.getString("TRON_PRIVATE_KEY_FILE"));
    assertEquals("/run/secrets/jwt_secret", environment.getString("JWT_SECRET_FILE"));
    assertEquals("/run/secrets/tron_api_key", environment.getString("TRON_API_KEY_FILE"));
    assertFalse(environment.getString("JWT_ISSUER", "").isBlank(), "mainnet requires JWT_ISSUER");
    assertFalse(environment.getString("JWT_AUDIENCE", "").isBlank(), "mainnet requires JWT_AUDIENCE");
    assertEquals(List.of("haproxy"), TorrcFile.load("docker/torrc").values("HiddenServiceExportCircuitID"));
    assertEquals("true", environment.getString("GATEWAY_PROXY_PROTOCOL"),
        "docker/torrc sends each circuit's PROXY header: the gateway must expect it");
    assertEquals("/run/secrets/payout_seal_key", environment.getString("PAYOUT_SEAL_KEY_FILE"));
    environment.fieldNames().forEach(name -> assertFalse(name.matches(".*(SECRET|KEY|PASSWORD)"),
        name + " puts a secret in the environment instead of a *_FILE"));
    JsonObject secretFiles = config.getJsonObject("secrets");
    assertEquals(SECRETS, secretFiles.fieldNames());
    SECRETS.forEach(secret -> assertEquals(secrets.resolve(secret).toString(),
        secretFiles.getJsonObject(secret).getString("file")));
    assertEquals(SECRETS, Set.copyOf(service.getJsonArray("secrets").stream()
        .map(entry -> ((JsonObject) entry).getString("source")).toList()));
  }

  @Test
  void mongoRunsReplicaSetRs0AndInitiatesIt() throws Exception {
    JsonObject services = resolvedConfig().getJsonObject("services");
    JsonObject mongo = services.getJsonObject("mongo");

    assertTrue(mongo.getString("image").startsWith("mongo:7"), mongo.getString("image"));
    assertEquals(List.of("--replSet", "rs0"), mongo.getJsonArray("command").getList().subList(0, 2));
    assertTrue(mongo.getJsonObject("healthcheck").getJsonArray("test")
        .contains("/etc/mongo/replica-set.js"));
    String init = Files.readString(ExternalTool.projectFile("docker/mongo/replica-set.js"));
    assertTrue(init.contains("_id: 'rs0'") && init.contains("host: 'mongo:27017'"), init);
    JsonObject mongoDependency =
        services.getJsonObject(SERVICE).getJsonObject("depends_on").getJsonObject("mongo");
    assertEquals("service_healthy", mongoDependency.getString("condition"));
  }

  @Test
  void torContainerAndTorrcAgreeOnTheWalletPlaneAddresses() throws Exception {
    JsonObject config = resolvedConfig();
    JsonObject services = config.getJsonObject("services");
    String serviceAddress = walletPlaneAddress(services, SERVICE);
    String torAddress = walletPlaneAddress(services, "tor");
    String subnet = config.getJsonObject("networks").getJsonObject("wallet_plane")
        .getJsonObject("ipam").getJsonArray("config").getJsonObject(0).getString("subnet");
    TorrcFile torrc = TorrcFile.load("docker/torrc");

    assertEquals(List.of("80 " + serviceAddress + ":8080"), torrc.values("HiddenServicePort"));
    assertEquals(torAddress + ":9050", torrc.values("SocksPort").get(0).split("\\s+")[0]);
    assertEquals(List.of("accept " + subnet, "reject *"), torrc.values("SocksPolicy"));
    assertTrue(services.getJsonObject("tor").getJsonArray("volumes").stream()
        .anyMatch(volume -> volume.toString().endsWith("/docker/torrc:/etc/tor/torrc:ro")),
        "docker/torrc is mounted read-only as the tor container's configuration");
  }

  private static Set<String> networksOf(JsonObject services, String name) {
    return services.getJsonObject(name).getJsonObject("networks").fieldNames();
  }

  private static String walletPlaneAddress(JsonObject services, String name) {
    return services.getJsonObject(name).getJsonObject("networks").getJsonObject("wallet_plane")
        .getString("ipv4_address");
  }

  /** `docker-compose config` (variables, paths and defaults resolved), read as JSON. */
  private JsonObject resolvedConfig() throws Exception {
    ExternalTool.Run resolved = compose("config");
    assertEquals(0, resolved.exitCode(), resolved::describe);
    Path yaml = secrets.resolve("resolved.yml");
    Files.writeString(yaml, resolved.stdout());
    // docker-compose is Python and pulls in PyYAML, so this converter is always beside it
    ExternalTool.Run json = ExternalTool.run(Duration.ofSeconds(30), List.of("/usr/bin/python3", "-c",
        "import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)",
        yaml.toString()));
    assertEquals(0, json.exitCode(), json::describe);
    return new JsonObject(json.stdout());
  }

  private ExternalTool.Run compose(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(ExternalTool.require("docker-compose"),
        "-f", ExternalTool.projectFile(COMPOSE_FILE).toString()));
    command.addAll(List.of(args));
    return ExternalTool.run(Duration.ofSeconds(60), env, command);
  }
}
