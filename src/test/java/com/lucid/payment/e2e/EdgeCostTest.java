package com.lucid.payment.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.Role;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.gateway.RawHttp;
import com.lucid.payment.testing.HttpApi;
import com.lucid.payment.testing.TestService;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What hostile clients cost the service with its shipped edge settings: CPU per request of the hostile corpus
 * (measured from the process), a head trickled a byte a second, and what the public health answer gives away.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeCostTest {
  /** Generous: one such request cost 1.4 s before; the corpus costs about a millisecond a request here. */
  private static final long MAX_CPU_MILLIS_PER_REQUEST = 50;
  private TestService service;
  private List<HostileCorpus.Case> corpus;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    Map<String, String> env = TestService.fastEnv(dir);
    // quiet in the background (a block and a worker round a second), so the process's CPU is mostly the requests'
    env.put("DEVNET_BLOCK_MS", "1000");
    env.put("WORKER_POLL_MS", "1000");
    env.put("WORKER_CHAIN_RECHECK_MS", "1000");
    service = TestService.start(env);
    corpus = HostileCorpus.all(HostileCorpus.Tokens.of(service, dir));
  }

  @AfterAll
  void stop() throws Exception {
    service.close();
  }

  private void sendAll() throws Exception {
    for (HostileCorpus.Case hostile : corpus) {
      try (RawHttp connection = new RawHttp(service.app().gatewayPort())) {
        connection.send(hostile.request());
        assertEquals(hostile.status(), connection.readOne(15_000).orElseThrow().status(), hostile.name());
      }
    }
  }

  @Test
  @Timeout(300)
  void aHostileRequestCostsMillisecondsOfCpuNotSeconds() throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    sendAll(); // the JIT's first pass over these paths is not what a request costs
    // what the devnet and the worker cost meanwhile is taken out
    long idleCpu = os.getProcessCpuTime();
    long idleWall = System.nanoTime();
    Thread.sleep(3_000);
    double backgroundPerMs = (os.getProcessCpuTime() - idleCpu) / (double) (System.nanoTime() - idleWall);
    int rounds = 5;
    long cpuBefore = os.getProcessCpuTime();
    long wallBefore = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      sendAll();
    }
    long requests = (long) rounds * corpus.size();
    long wall = System.nanoTime() - wallBefore;
    double grossPerRequest = (os.getProcessCpuTime() - cpuBefore) / 1e6 / requests;
    double cpuPerRequest = grossPerRequest - backgroundPerMs * wall / 1e6 / requests;
    System.out.printf("hostile corpus: %d requests, %.2f ms process CPU per request (%.2f gross, client included;"
        + " background %.0f%% of a core), %.1f ms wall%n", requests, cpuPerRequest, grossPerRequest,
        backgroundPerMs * 100, wall / 1e6 / requests);
    assertTrue(cpuPerRequest < MAX_CPU_MILLIS_PER_REQUEST, cpuPerRequest + " ms of CPU per hostile request");
  }

  @Test
  @Timeout(120)
  void aHeadSentAByteASecondIsClosedWellBeforeAMinute() throws Exception {
    String head = "GET /api/payment/health HTTP/1.1\r\nHost: x\r\nUser-Agent: slowloris\r\n"
        + "X-Padding: " + "p".repeat(100) + "\r\n\r\n";
    long start = System.nanoTime();
    int sent = 0;
    try (RawHttp connection = new RawHttp(service.app().gatewayPort())) {
      while (sent < head.length() && connection.send(head.substring(sent, sent + 1))) {
        sent++;
        if (connection.awaitClose(1_000)) {
          break;
        }
      }
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    System.out.println("slowloris: closed after " + seconds + " s and " + sent + " of " + head.length() + " bytes");
    assertTrue(sent < head.length(), "the whole head got through, a byte a second");
    assertTrue(seconds < 2 * ServiceConfig.Edge.DEFAULT_HEADER_TIMEOUT_MS / 1000, "closed only after " + seconds + " s");
  }

  @Test
  @Timeout(60)
  void thePublicHealthAnswerNamesNothingOfTheWalletOrTheChain() throws Exception {
    HttpApi api = new HttpApi(service.api());
    String wallet = api.get("/admin/wallet", service.token("root", Role.ADMIN)).json().getString("address");
    HttpApi.Reply health = api.get("/health", null);
    assertEquals(200, health.status());
    for (String revealing : new String[] {wallet, service.devnet().usdtContract(), service.devnet().baseUrl(),
        "127.0.0.1", "block", "hot_wallet", "node", "devnet"}) {
      assertFalse(health.body().contains(revealing), revealing + " in " + health.body());
    }
  }
}
