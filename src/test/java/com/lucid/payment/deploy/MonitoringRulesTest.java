package com.lucid.payment.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shipped monitoring files, checked by the real tools of Debian's prometheus and prometheus-alertmanager
 * packages: the scrape config, the recording and alerting rules, a unit case for every alert, the Alertmanager
 * config, and a dashboard that asks only for series the rules or the service provide.
 */
@Timeout(120)
class MonitoringRulesTest {
  private static final Duration TOOL = Duration.ofSeconds(60);
  private static final Pattern ALERT = Pattern.compile("^\\s+- alert: (\\w+)$", Pattern.MULTILINE);
  private static final Pattern TESTED = Pattern.compile("alertname: (\\w+)");

  @Test
  void prometheusAcceptsTheScrapeConfigAndItsRules() throws Exception {
    ExternalTool.Run run = ExternalTool.run(TOOL, List.of(ExternalTool.require("promtool"), "check", "config",
        ExternalTool.projectFile("docker/prometheus/prometheus.yml").toString()));
    assertEquals(0, run.exitCode(), run::describe);
    assertTrue(run.output().contains("2 rule files found"), run::describe);
  }

  @Test
  void everyAlertFiresInItsUnitCaseAndNoneOnAHealthyService() throws Exception {
    ExternalTool.Run run = ExternalTool.run(TOOL, List.of(ExternalTool.require("promtool"), "test", "rules",
        ExternalTool.projectFile("docker/prometheus/tests.yml").toString()));
    assertEquals(0, run.exitCode(), run::describe);
    Set<String> alerts = matches(ALERT, Files.readString(ExternalTool.projectFile(
        "docker/prometheus/rules/alerts.yml")));
    Set<String> tested = matches(TESTED, Files.readString(ExternalTool.projectFile("docker/prometheus/tests.yml")));
    assertEquals(11, alerts.size(), alerts.toString());
    assertEquals(alerts, tested, "every alert has a unit case, and no case names an alert that does not exist");
  }

  @Test
  void alertmanagerAcceptsItsConfig() throws Exception {
    ExternalTool.Run run = ExternalTool.run(TOOL, List.of(ExternalTool.require("amtool"), "check-config",
        ExternalTool.projectFile("docker/alertmanager/alertmanager.yml").toString()));
    assertEquals(0, run.exitCode(), run::describe);
  }

  @Test
  void theDashboardUsesTheProvisionedPrometheus() throws Exception {
    JsonObject dashboard = new JsonObject(Files.readString(ExternalTool.projectFile(
        "docker/grafana/dashboards/tron-payment-service.json")));
    String datasources = Files.readString(ExternalTool.projectFile(
        "docker/grafana/provisioning/datasources/prometheus.yml"));
    assertTrue(datasources.contains("uid: prometheus") && datasources.contains("url: http://prometheus:9090"));
    JsonArray panels = dashboard.getJsonArray("panels");
    assertTrue(panels.size() >= 15, "panels: " + panels.size());
    for (Object p : panels) {
      JsonObject panel = (JsonObject) p;
      assertEquals("prometheus", panel.getJsonObject("datasource").getString("uid"), panel.getString("title"));
      assertTrue(!panel.getJsonArray("targets").isEmpty(), panel.getString("title"));
    }
  }

  private static Set<String> matches(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
