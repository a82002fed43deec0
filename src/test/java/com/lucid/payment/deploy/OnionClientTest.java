package com.lucid.payment.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/onion-client as an operator uses it: add, hand over, list, revoke. */
@Tag("deploy")
class OnionClientTest {
  private static final String ONION = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx";
  private static final Pattern AUTH = Pattern.compile("descriptor:x25519:([A-Z2-7]{52})\n");
  private static final Pattern AUTH_PRIVATE =
      Pattern.compile("([a-z2-7]{56}):descriptor:x25519:([A-Z2-7]{52})\n");

  @TempDir Path serviceDir;

  @BeforeEach
  void serviceCreatedByTor() throws Exception {
    ExternalTool.require("openssl");
    Files.writeString(serviceDir.resolve("hostname"), ONION + ".onion\n");
  }

  @Test
  void addedClientGetsAMatchingKeyPairInTorsFormats() throws Exception {
    ExternalTool.Run added = onionClient("add", "alice", serviceDir.toString());

    assertEquals(0, added.exitCode(), added.stderr());
    Path authFile = serviceDir.resolve("authorized_clients/alice.auth");
    Matcher auth = AUTH.matcher(Files.readString(authFile));
    assertTrue(auth.matches(), "alice.auth is not `descriptor:x25519:<base32>`");
    Matcher handedOver = AUTH_PRIVATE.matcher(added.stdout());
    assertTrue(handedOver.matches(), "stdout is not one `<onion>:descriptor:x25519:<base32>` line");
    assertEquals(ONION, handedOver.group(1));
    assertArrayEquals(base32(auth.group(1)), publicKeyOf(base32(handedOver.group(2))),
        "the .auth public key does not belong to the private key handed to the client");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(authFile)));
    assertTrue(added.stderr().contains("reload tor"), "the operator is told to reload tor");
  }

  @Test
  void everyClientGetsItsOwnKey() throws Exception {
    String alice = onionClient("add", "alice", serviceDir.toString()).stdout();
    String bob = onionClient("add", "bob", serviceDir.toString()).stdout();

    assertNotEquals(alice, bob);
    assertEquals("alice\nbob\n", onionClient("list", serviceDir.toString()).stdout());
  }

  @Test
  void revokedClientLosesItsAuthorization() throws Exception {
    onionClient("add", "alice", serviceDir.toString());
    onionClient("add", "bob", serviceDir.toString());

    ExternalTool.Run revoked = onionClient("revoke", "alice", serviceDir.toString());

    assertEquals(0, revoked.exitCode(), revoked.stderr());
    assertFalse(Files.exists(serviceDir.resolve("authorized_clients/alice.auth")));
    assertEquals("bob\n", onionClient("list", serviceDir.toString()).stdout());
    assertNotEquals(0, onionClient("revoke", "alice", serviceDir.toString()).exitCode(),
        "revoking an unknown client must fail");
  }

  @Test
  void existingClientIsNotSilentlyReKeyed() throws Exception {
    onionClient("add", "alice", serviceDir.toString());
    String before = Files.readString(serviceDir.resolve("authorized_clients/alice.auth"));

    ExternalTool.Run again = onionClient("add", "alice", serviceDir.toString());

    assertNotEquals(0, again.exitCode());
    assertEquals("", again.stdout());
    assertEquals(before, Files.readString(serviceDir.resolve("authorized_clients/alice.auth")));
  }

  @Test
  void namesThatLeaveTheDirectoryAreRefused() throws Exception {
    ExternalTool.Run escaped = onionClient("add", "../evil", serviceDir.toString());

    assertNotEquals(0, escaped.exitCode());
    assertFalse(Files.exists(serviceDir.resolve("evil.auth")));
    assertFalse(Files.exists(serviceDir.resolve("authorized_clients")));
  }

  private static ExternalTool.Run onionClient(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(ExternalTool.projectFile("scripts/onion-client").toString());
    command.addAll(List.of(args));
    return ExternalTool.run(Duration.ofSeconds(30), command);
  }

  private static byte[] publicKeyOf(byte[] privateKey) {
    byte[] publicKey = new byte[X25519.POINT_SIZE];
    X25519.scalarMultBase(privateKey, 0, publicKey, 0);
    return publicKey;
  }

  /** RFC 4648 base32 without padding, as tor writes keys. */
  private static byte[] base32(String text) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : text.toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        bytes.write(buffer >> (bits - 8));
        bits -= 8;
        buffer &= (1 << bits) - 1;
      }
    }
    return bytes.toByteArray();
  }
}
