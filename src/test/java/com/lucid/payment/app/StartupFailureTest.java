package com.lucid.payment.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.testing.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A service that cannot start says why in one line and exits non-zero: 2 for configuration, 1 for the rest. */
class StartupFailureTest {
  @TempDir Path dir;

  @Test
  @Timeout(60)
  void aBadVariableExitsWithCode2AndNamesIt() throws Exception {
    try (ServiceProcess service = ServiceProcess.service(dir, Map.of("TRON_NETWORK", "moonnet"))) {
      assertEquals(2, service.waitForExit(30));
      assertEquals("configuration error: TRON_NETWORK: 'moonnet' is not one of mainnet, shasta, nile, devnet",
          service.output().strip());
    }
  }

  @Test
  @Timeout(60)
  void aStoreThatCannotOpenExitsWithCode1AndSaysWhy() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");
    try (ServiceProcess service = ServiceProcess.service(dir, Map.of(
        "DATA_DIR", notAFolder.resolve("data").toString(), "PORT", "0", "METRICS_PORT", "0"))) {
      assertEquals(2, service.waitForExit(30), "a configuration error");
      assertTrue(service.output().contains("configuration error: EMBEDDED_STORE_FILE: cannot create the private folder"),
          service.output());
    }
  }
}
