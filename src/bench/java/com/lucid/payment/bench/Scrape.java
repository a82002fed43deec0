package com.lucid.payment.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One read of the service's Prometheus /metrics: sums of samples by name and label. */
final class Scrape {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String text;

  private Scrape(String text) {
    this.text = text;
  }

  static Scrape of(String managementUrl) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl + "/metrics"))
        .timeout(Duration.ofSeconds(10)).build();
    return new Scrape(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  /** The sum of every sample of {@code name} whose labels contain {@code labelPart} (e.g. status="confirmed"). */
  double sum(String name, String labelPart) {
    double total = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(name) && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' ')
          && line.contains(labelPart)) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }

  long heapUsedBytes() {
    return (long) sum("jvm_memory_used_bytes", "area=\"heap\"");
  }

  long confirmed() {
    return (long) sum("tron_payout_processing_duration_seconds_count", "status=\"confirmed\"");
  }

  /** Payouts that ended otherwise (failed or cancelled). */
  long finishedOtherwise() {
    return (long) sum("tron_payout_processing_duration_seconds_count", "") - confirmed();
  }

  long accepted() {
    return (long) sum("tron_payment_requests_total", "status=\"accepted\"");
  }
}
