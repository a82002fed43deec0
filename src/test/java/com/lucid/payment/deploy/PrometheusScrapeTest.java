package com.lucid.payment.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.devnet.DevnetFault;
import com.lucid.payment.devnet.FaultType;
import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.BusClient;
import com.lucid.payment.testing.HttpApi;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Prometheus (Debian's package) scrapes a running service with the shipped rules, after a payout was paid
 * and a node failed once: every query of the shipped dashboard, every recording rule and every series an alert reads
 * returns data.
 */
@Timeout(180)
class PrometheusScrapeTest {
  private static final Pattern SERIES = Pattern.compile("\\b((?:tron|vertx)_[a-z_]+|up)\\b(?!\\s*\\()");
  private static final Pattern RECORD = Pattern.compile("^\\s+- record: (\\S+)$", Pattern.MULTILINE);
  private static final Pattern EXPR = Pattern.compile("^\\s+expr: (.+)$", Pattern.MULTILINE);
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void everyDashboardAndRuleQueryReturnsData() throws Exception {
    String prometheus = ExternalTool.require("prometheus");
    try (TestService service = TestService.start(TestService.fastEnv(dir.resolve("service")))) {
      BusClient client = new BusClient(service);
      service.devnet().injectFault(DevnetFault.of(FaultType.HTTP_ERROR).onPath("/wallet/getaccount").status(500)
          .times(1));
      String id = client.pay("ops", "scrape-1", TestService.newAddress().base58(), "1.5");
      client.awaitStatus(id, "confirmed", 60);
      HttpApi.Reply health = new HttpApi(service.api()).get("/health", null);
      assertTrue(health.status() == 200, health.body());

      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      Path config = dir.resolve("prometheus.yml");
      Files.writeString(config, String.join("\n",
          "global: {scrape_interval: 1s, evaluation_interval: 1s}",
          "rule_files:",
          "  - " + ExternalTool.projectFile("docker/prometheus/rules/recording.yml"),
          "  - " + ExternalTool.projectFile("docker/prometheus/rules/alerts.yml"),
          "scrape_configs:",
          "  - job_name: tron-payment-service",
          "    static_configs: [{targets: ['127.0.0.1:" + service.app().managementPort() + "']}]", ""));
      Process process = ExternalTool.start(java.util.Map.of(), List.of(prometheus, "--config.file=" + config,
          "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port),
          dir.resolve("prometheus.out"), dir.resolve("prometheus.err"));
      try {
        String base = "http://127.0.0.1:" + port;
        Await.until("Prometheus to scrape the service and evaluate its rules", Duration.ofSeconds(60),
            () -> !query(base, "tron:payouts_confirmed:rate5m").isEmpty()
                && !query(base, "tron:node_errors:rate5m").isEmpty());
        for (String expr : queries()) {
          assertTrue(!query(base, expr).isEmpty(), "no data for " + expr);
        }
      } finally {
        process.destroy();
        process.waitFor();
      }
    }
  }

  /** The dashboard's targets, the recording rules' names, and each series the alerts read. */
  private static Set<String> queries() throws Exception {
    Set<String> queries = new LinkedHashSet<>();
    JsonObject dashboard = new JsonObject(Files.readString(ExternalTool.projectFile(
        "docker/grafana/dashboards/tron-payment-service.json")));
    for (Object p : dashboard.getJsonArray("panels")) {
      for (Object t : ((JsonObject) p).getJsonArray("targets")) {
        queries.add(((JsonObject) t).getString("expr"));
      }
    }
    String recording = Files.readString(ExternalTool.projectFile("docker/prometheus/rules/recording.yml"));
    Matcher records = RECORD.matcher(recording);
    while (records.find()) {
      queries.add(records.group(1));
    }
    Matcher exprs = EXPR.matcher(Files.readString(ExternalTool.projectFile("docker/prometheus/rules/alerts.yml")));
    while (exprs.find()) {
      Matcher series = SERIES.matcher(exprs.group(1).replaceAll("\\{[^}]*}", ""));
      while (series.find()) {
        queries.add(series.group(1));
      }
      Matcher recorded = Pattern.compile("tron:[a-z_:0-9]+").matcher(exprs.group(1));
      while (recorded.find()) {
        queries.add(recorded.group());
      }
    }
    return queries;
  }

  private JsonArray query(String base, String expr) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/query?query="
        + URLEncoder.encode(expr, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      return new JsonArray();
    }
    return new JsonObject(r.body()).getJsonObject("data").getJsonArray("result");
  }
}
