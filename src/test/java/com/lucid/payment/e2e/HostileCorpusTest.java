package com.lucid.payment.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.gateway.Envelopes;
import com.lucid.payment.gateway.RawHttp;
import com.lucid.payment.store.StoreSchema;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus against the whole service, over bare sockets: each request gets its status in the envelope with
 * X-Request-ID, stores no payout and no idempotency key, and leaves no secret (and no warning) in the logs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCorpusTest {
  private TestService service;
  private final LogCapture logs = new LogCapture();
  private final List<String> secrets = new ArrayList<>();
  private HostileCorpus.Tokens tokens;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    service = TestService.start(TestService.fastEnv(dir));
    secrets.add(Files.readString(dir.resolve("jwt-secret")).strip());
    secrets.add(Files.readString(dir.resolve("devnet-hot-wallet.key")).strip());
    tokens = HostileCorpus.Tokens.of(service, dir);
    secrets.add(tokens.endUser());
    secrets.add(tokens.service());
    logs.install();
  }

  @AfterAll
  void stop() throws Exception {
    logs.remove();
    service.close();
  }

  Stream<HostileCorpus.Case> corpus() {
    return HostileCorpus.all(tokens).stream();
  }

  private long stored(String collection) throws Exception {
    return service.app().store().mongo().count(collection, new JsonObject()).await(10, TimeUnit.SECONDS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @Timeout(60)
  void eachHostileRequestIsRefusedInTheEnvelopeAndChangesNothing(HostileCorpus.Case hostile) throws Exception {
    long payouts = stored(StoreSchema.PAYOUTS);
    long keys = stored(StoreSchema.IDEMPOTENCY);
    logs.clear();
    try (RawHttp connection = new RawHttp(service.app().gatewayPort())) {
      connection.send(hostile.request());
      RawHttp.Response answer = connection.readOne(15_000).orElseThrow(() -> new AssertionError("no answer"));
      Envelopes.assertEnvelope(answer, hostile.status(), hostile.code());
    }
    String access = "status=" + hostile.status() + " ";
    for (int i = 0; i < 100 && !logs.text().contains(access); i++) {
      Thread.sleep(20);
    }
    assertTrue(logs.text().contains(access), "the access log does not say " + access + ":\n" + logs.text());
    assertEquals(payouts, stored(StoreSchema.PAYOUTS), "a payout was stored");
    assertEquals(keys, stored(StoreSchema.IDEMPOTENCY), "an idempotency key was taken");
    String logged = logs.text();
    for (String secret : secrets) {
      assertFalse(logged.contains(secret), "a secret is in the logs:\n" + logged);
    }
    assertEquals(List.of(), logs.warnings(), "warnings logged for a client's fault");
  }
}
