package com.lucid.payment.tor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.deploy.TorrcFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the Tor tests assume of the project's torrc, checked without tor: which lines move, and the PROXY switch. */
class ShippedTorrcTest {
  @Test
  void onlyTheLocalPortsOfSocksAndTheGatewayTargetMove() {
    assertEquals("SocksPort 127.0.0.1:19050 IsolateDestAddr IsolateDestPort",
        ShippedTorrc.moveLocalPort("SocksPort 127.0.0.1:9050 IsolateDestAddr IsolateDestPort", 19050, 18080));
    assertEquals("HiddenServicePort 80 127.0.0.1:18080",
        ShippedTorrc.moveLocalPort("HiddenServicePort 80 127.0.0.1:8080", 19050, 18080));
    assertEquals("SocksPolicy accept 127.0.0.0/8",
        ShippedTorrc.moveLocalPort("SocksPolicy accept 127.0.0.0/8", 19050, 18080));
    assertEquals("## SocksPort 9050 in a comment", ShippedTorrc.moveLocalPort("## SocksPort 9050 in a comment", 1, 2));
  }

  @Test
  void aGatewayTargetTheTestsCannotMoveIsNamed() {
    AssertionError refused = assertThrows(AssertionError.class,
        () -> ShippedTorrc.moveLocalPort("HiddenServicePort 80 unix:/run/gateway.sock", 19050, 18080));
    assertTrue(refused.getMessage().contains("HiddenServicePort"), refused.getMessage());
  }

  @Test
  void exportedCircuitIdsTurnOnTheGatewaysProxyProtocol() {
    TorrcFile plain = new TorrcFile("torrc", "HiddenServicePort 80 127.0.0.1:8080\n");
    TorrcFile exporting = new TorrcFile("torrc",
        "HiddenServicePort 80 127.0.0.1:8080\nHiddenServiceExportCircuitID haproxy\n");

    assertEquals(Map.of(), ShippedTorrc.serviceEnv(plain));
    assertEquals(Map.of(ShippedTorrc.PROXY_PROTOCOL_VARIABLE, "true"), ShippedTorrc.serviceEnv(exporting));
  }
}
