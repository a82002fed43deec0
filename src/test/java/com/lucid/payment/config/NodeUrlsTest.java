package com.lucid.payment.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lucid.payment.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** On mainnet, shasta and nile a node URL is https or an onion service; devnet keeps http; a CA file must hold one. */
class NodeUrlsTest {
  @TempDir Path dir;

  /** A configuration that starts on {@code network} but for the node settings under test. */
  private Map<String, String> env(String network, String... kv) throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("DATA_DIR", dir.toString(), "TRON_NETWORK", network));
    if (!network.equals("devnet")) {
      Path key = dir.resolve("key");
      if (Files.notExists(key)) {
        Files.writeString(key, "01".repeat(32));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve("jwt"), "x".repeat(40));
        Files.writeString(dir.resolve("seal"), "s".repeat(40));
        Files.setPosixFilePermissions(dir.resolve("seal"), PosixFilePermissions.fromString("rw-------"));
      }
      env.putAll(Map.of("TRON_PRIVATE_KEY_FILE", key.toString(), "JWT_SECRET_FILE", dir.resolve("jwt").toString(),
          "TOR_ONLY", "true", "TOR_PROXY", "socks5://127.0.0.1:9050", "PAYOUT_SEAL_KEY_FILE",
          dir.resolve("seal").toString(), "JWT_ISSUER", "lucid-auth", "JWT_AUDIENCE", "lucid-payments"));
    }
    for (int i = 0; i < kv.length; i += 2) {
      env.put(kv[i], kv[i + 1]);
    }
    return env;
  }

  @ParameterizedTest
  @ValueSource(strings = {"mainnet", "shasta", "nile"})
  void plainHttpToANodeIsRefusedOnRealNetworks(String network) throws Exception {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env(network,
        "TRON_NODE_URL", "https://api.trongrid.io, http://node.example:8090/wallet?key=s3cret")));
    assertEquals("TRON_NODE_URL: http://node.example is plain http on " + network
        + ": use https://, or http:// to a .onion address", e.getMessage());
    assertEquals("TRON_NODE_URL", e.variable());
    assertFalse(e.getMessage().contains("s3cret"), "a URL's path or query may hold a key");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mainnet", "shasta", "nile"})
  void httpsAndOnionServicesAreAccepted(String network) throws Exception {
    String onion = "http://abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuv.ONION:8090";
    ServiceConfig c = ConfigLoader.load(env(network, "TRON_NODE_URL", "https://node.example, " + onion + "/"));
    assertEquals(List.of("https://node.example", onion), fullUrls(c));
  }

  @Test
  void aHostThatOnlyContainsOnionIsNotAnOnionService() throws Exception {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env("mainnet",
        "TRON_NODE_URL", "http://xyz.onion.example.com")));
    assertEquals("TRON_NODE_URL: http://xyz.onion.example.com is plain http on mainnet: use https://, or http:// "
        + "to a .onion address", e.getMessage());
  }

  @Test
  void devnetKeepsPlainHttp() throws Exception {
    assertEquals(List.of("http://127.0.0.1:18090"),
        fullUrls(ConfigLoader.load(env("devnet", "TRON_NODE_URL", "http://127.0.0.1:18090"))));
  }

  @Test
  void aCaFileMustExistAndHoldAPemCertificate() throws Exception {
    Path missing = dir.resolve("absent.pem");
    assertEquals("TRON_NODE_CA_FILE: file " + missing + " cannot be read (NoSuchFileException)",
        assertThrows(ConfigException.class, () -> ConfigLoader.load(env("nile",
            "TRON_NODE_CA_FILE", missing.toString()))).getMessage());
    Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
    assertEquals("TRON_NODE_CA_FILE: file " + notPem + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
        assertThrows(ConfigException.class, () -> ConfigLoader.load(env("nile",
            "TRON_NODE_CA_FILE", notPem.toString()))).getMessage());
    Path broken = Files.writeString(dir.resolve("broken.pem"),
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    assertEquals("TRON_NODE_CA_FILE: file " + broken + " holds a certificate that cannot be parsed",
        assertThrows(ConfigException.class, () -> ConfigLoader.load(env("nile",
            "TRON_NODE_CA_FILE", broken.toString()))).getMessage());
  }

  private static List<String> fullUrls(ServiceConfig c) {
    return c.tron().nodeUrls().stream().map(ServiceConfig.TronNode::fullUrl).toList();
  }

  @Test
  void aGoodCaFileReachesTheNodeSettings() throws Exception {
    Path ca = TestCertificates.authority("private-node-ca").writeCertificate(dir.resolve("ca.pem"));
    ServiceConfig c = ConfigLoader.load(env("nile", "TRON_NODE_CA_FILE", ca.toString()));
    assertEquals(Optional.of(ca), c.tron().nodeCaFile());
    assertEquals(Optional.empty(), ConfigLoader.load(env("nile")).tron().nodeCaFile());
  }
}
