package com.lucid.payment.app;

import com.lucid.payment.payout.distribution.DistributionReport;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code distribute --url URL --token JWT --period YYYY-MM --file entitlements.csv [--preview] [--no-wait]}: submits
 * a period's entitlements (CSV) to a running service, shows a progress bar on stderr while its batch settles, and
 * prints the period's report (CSV) on stdout. Exit 0 when every payout settled (or the preview ran), 1 when some
 * failed or the service refused, 2 on a usage problem.
 */
public final class DistributeCommand {
  public static final int USAGE = 2;
  public static final int FAILED = 1;
  private static final Set<String> VALUED = Set.of("--url", "--token", "--token-file", "--period", "--file",
      "--poll-ms");
  private static final Set<String> FLAGS = Set.of("--preview", "--no-wait");
  private static final String HELP = String.join(System.lineSeparator(),
      "usage: java -jar target/tron-payment-service.jar distribute --url URL (--token JWT | --token-file PATH)",
      "           --period YYYY-MM --file entitlements.csv [--preview] [--no-wait] [--poll-ms 3000]",
      "  --url        the gateway, e.g. http://127.0.0.1:8080",
      "  --token      an admin or service JWT (--token-file reads it from a file, kept out of the process list)",
      "  --file       CSV with a header: recipient,node_id,gross_usdt,router_type (KYC entries add kyc_hash,",
      "               compliance_expiry, compliance_v, compliance_r, compliance_s)",
      "  --preview    show what would happen; nothing is stored",
      "  --no-wait    print the report at once instead of waiting for the batch to settle");

  private DistributeCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.println(HELP);
      return 0;
    }
    Map<String, String> options;
    JsonObject body;
    GatewayClient gateway;
    long pollMs;
    try {
      options = options(args);
      String period = required(options, "--period");
      body = new JsonObject().put("period", period).put("entries",
          EntitlementsCsv.entries(Files.readString(Path.of(required(options, "--file")), StandardCharsets.UTF_8)));
      gateway = new GatewayClient(required(options, "--url"), token(options));
      pollMs = Long.parseLong(options.getOrDefault("--poll-ms", "3000"));
    } catch (IllegalArgumentException e) {
      err.println("distribute: " + e.getMessage());
      err.println(HELP);
      return USAGE;
    } catch (IOException e) {
      err.println("distribute: cannot read " + e.getMessage());
      return USAGE;
    }
    try {
      return options.containsKey("--preview") ? preview(gateway, body, out, err)
          : submit(gateway, body, !options.containsKey("--no-wait"), pollMs, out, err);
    } catch (GatewayClient.Refused e) {
      err.println("distribute: refused: " + e.getMessage());
      return FAILED;
    } catch (IOException e) {
      err.println("distribute: cannot reach " + options.get("--url") + ": " + e);
      return FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILED;
    }
  }

  private static int preview(GatewayClient gateway, JsonObject body, PrintStream out, PrintStream err)
      throws IOException, InterruptedException, GatewayClient.Refused {
    JsonObject report = gateway.post("/distributions/preview", body).json();
    out.print(DistributionReport.csv(report));
    err.println(summary(report));
    return 0;
  }

  private static int submit(GatewayClient gateway, JsonObject body, boolean wait, long pollMs, PrintStream out,
      PrintStream err) throws IOException, InterruptedException, GatewayClient.Refused {
    String period = body.getString("period");
    GatewayClient.Answer answer = gateway.post("/distributions", body);
    JsonObject report = answer.json();
    String batchId = report.getString("batch_id");
    err.println((answer.replayed() ? "period " + period + " was submitted before; its batch " : "submitted period "
        + period + "; batch ") + (batchId == null ? "(none: everything rolled over)" : batchId));
    if (batchId != null && wait) {
      follow(gateway, batchId, pollMs, err);
    }
    out.print(gateway.get("/distributions/" + period + "?format=csv").body());
    JsonObject settled = gateway.get("/distributions/" + period).json();
    err.println(summary(settled));
    String status = settled.getString("status");
    return status.equals("completed") || (!wait && status.equals("processing")) ? 0 : FAILED;
  }

  /** Polls the batch until none of its payouts is pending or processing, redrawing one progress line. */
  private static void follow(GatewayClient gateway, String batchId, long pollMs, PrintStream err)
      throws IOException, InterruptedException, GatewayClient.Refused {
    while (true) {
      JsonObject batch = gateway.get("/payouts/batch/" + batchId).json();
      long settled = batch.getLong("completed_payouts") + batch.getLong("failed_payouts")
          + batch.getLong("cancelled_payouts");
      String release = batch.getString("release_at");
      String detail = "confirmed " + batch.getLong("completed_payouts") + ", failed "
          + (batch.getLong("failed_payouts") + batch.getLong("cancelled_payouts")) + ", pending "
          + batch.getLong("pending_payouts") + ", processing " + batch.getLong("processing_payouts")
          + (release != null && Instant.parse(release).isAfter(Instant.now()) ? "; released at " + release : "");
      err.print("\r" + ProgressBar.render(settled, batch.getLong("total_payouts"), detail));
      err.flush();
      if (!"processing".equals(batch.getString("status"))) {
        err.println();
        return;
      }
      Thread.sleep(pollMs);
    }
  }

  private static String summary(JsonObject report) {
    JsonObject t = report.getJsonObject("totals");
    return "period " + report.getString("period") + " " + report.getString("status") + ": gross "
        + t.getString("gross_usdt") + ", fees " + t.getString("fees_usdt") + ", paid " + t.getString("paid_usdt")
        + " (" + t.getLong("paid_count") + "), pending " + t.getString("pending_usdt") + ", failed "
        + t.getString("failed_usdt") + " (" + t.getLong("failed_count") + "), rolled over "
        + t.getString("rolled_over_usdt") + " (" + t.getLong("rolled_over_count") + ") USDT";
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      String value = "";
      if (VALUED.contains(name)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        value = args[++i];
      } else if (!FLAGS.contains(name)) {
        throw new IllegalArgumentException("unknown option '" + name + "'");
      }
      if (options.put(name, value) != null) {
        throw new IllegalArgumentException(name + " is given twice");
      }
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  private static String token(Map<String, String> options) throws IOException {
    if (options.containsKey("--token") == options.containsKey("--token-file")) {
      throw new IllegalArgumentException("give exactly one of --token and --token-file");
    }
    return options.containsKey("--token") ? options.get("--token")
        : Files.readString(Path.of(options.get("--token-file")), StandardCharsets.UTF_8).strip();
  }
}
