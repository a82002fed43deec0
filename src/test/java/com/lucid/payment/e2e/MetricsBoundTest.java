package com.lucid.payment.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.Role;
import com.lucid.payment.gateway.Methods;
import com.lucid.payment.gateway.RawHttp;
import com.lucid.payment.testing.HttpApi;
import com.lucid.payment.testing.TestService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * /metrics cannot be grown by clients: a thousand requests with made-up methods and paths add no label value, and
 * the embedded devnet's own HTTP traffic (the TRON client's calls) is not counted as the service's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsBoundTest {
  private static final Pattern LABEL = Pattern.compile("(method|route|server_name)=\"([^\"]*)\"");
  private TestService service;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    service = TestService.start(TestService.fastEnv(dir));
  }

  @AfterAll
  void stop() throws Exception {
    service.close();
  }

  private String scrape() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + service.app().managementPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    return r.body();
  }

  private static Set<String> labels(String scrape, String name) {
    Set<String> values = new TreeSet<>();
    for (String line : scrape.lines().filter(l -> l.startsWith("vertx_http_server")).toList()) {
      Matcher m = LABEL.matcher(line);
      while (m.find()) {
        if (m.group(1).equals(name)) {
          values.add(m.group(2));
        }
      }
    }
    return values;
  }

  @Test
  @Timeout(120)
  void aMethodAndPathSprayLeavesMetricsTheirSize() throws Exception {
    HttpApi api = new HttpApi(service.api());
    String admin = service.token("root", Role.ADMIN);
    assertEquals(200, api.get("/admin/wallet", admin).status()); // the TRON client has talked to the devnet
    api.get("/nothing", admin);
    scrape();
    int before = scrape().length();
    Random random = new Random(13);
    int answered = 0;
    for (int connection = 0; connection < 10; connection++) {
      StringBuilder requests = new StringBuilder();
      for (int i = 0; i < 100; i++) {
        String method = Long.toString(random.nextLong() & Long.MAX_VALUE, 36).toUpperCase();
        requests.append(method).append(" /api/payment/").append(i % 2 == 0 ? "health" : "p" + random.nextInt())
            .append(" HTTP/1.1\r\nHost: x\r\n\r\n");
      }
      try (RawHttp raw = new RawHttp(service.app().gatewayPort())) {
        raw.send(requests.toString());
        answered += raw.read(1_000).size();
      }
    }
    assertEquals(1_000, answered);
    String after = scrape();
    System.out.println("metrics: " + before + " bytes before the spray, " + after.length() + " after");
    assertTrue(after.length() < before + 16 * 1024, before + " -> " + after.length() + " bytes");

    Set<String> methods = labels(after, "method");
    assertTrue(methods.contains(Methods.OTHER), methods.toString());
    methods.forEach(m -> assertTrue(Methods.KNOWN.contains(m) || m.equals(Methods.OTHER), m));
    assertEquals(Set.of("gateway", "management"), labels(after, "server_name"));
    for (String route : labels(after, "route")) {
      assertTrue(route.isEmpty() || route.startsWith("/api/payment/") || route.startsWith("/health")
          || route.equals("/metrics"), "a route that is not a template of the service: " + route);
      assertFalse(route.contains("/p-") || route.matches(".*/p[0-9]+.*"), route);
    }
    assertFalse(after.contains("/wallet/"), "the devnet's routes are in the service's metrics");
    assertTrue(after.contains("tron_"), "the service's own metrics are there");
  }
}
