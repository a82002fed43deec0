package com.lucid.payment.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.store.EmbeddedMongo;
import com.lucid.payment.testing.ServiceProcess;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM stops the service in order: stop accepting, stop the planes, close the store, exit. */
class GracefulShutdownTest {
  @TempDir Path dir;

  @Test
  @Timeout(90)
  void sigtermStopsInOrderClosesTheStoreAndExits() throws Exception {
    try (ServiceProcess service = ServiceProcess.service(dir, Map.of(
        "DATA_DIR", dir.resolve("data").toString(), "PORT", "0", "METRICS_PORT", "0"))) {
      service.awaitReady(60);
      int gateway = service.gatewayPort();
      int management = service.managementPort();
      assertTrue(listening(gateway) && listening(management));

      int exit = service.terminate(30);

      assertEquals(143, exit, "the conventional exit code for SIGTERM, 128+15");
      List<String> lines = service.lines();
      assertTrue(lines.stream().anyMatch(l -> l.endsWith(" stopped")), service.output());
      assertTrue(lines.stream().noneMatch(l -> l.contains("shutdown did not complete")), service.output());
      assertTrue(!listening(gateway) && !listening(management));
    }
    // the store was closed, not abandoned: its file lock is released and it opens at once
    Path file = dir.resolve("data/payments.mv.db");
    assertTrue(Files.exists(file));
    try (EmbeddedMongo reopened = EmbeddedMongo.start(file, false, 0)) {
      assertTrue(reopened.port() > 0);
    }
  }

  private static boolean listening(int port) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (ConnectException e) {
      return false;
    }
  }
}
