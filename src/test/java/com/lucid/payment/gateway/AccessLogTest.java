package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.Role;
import com.lucid.payment.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One access line per request, with the user once authenticated; refusals log nothing severe. */
@Timeout(30)
class AccessLogTest extends GatewayFixture {
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Logger root = Logger.getLogger("");
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void capture() {
    capture.setLevel(Level.ALL);
    root.addHandler(capture);
  }

  @AfterEach
  void release() {
    root.removeHandler(capture);
  }

  private List<String> accessLines(int expected) throws Exception {
    return Await.until(expected + " access lines", Duration.ofSeconds(5), () -> records.stream()
        .filter(r -> r.getLoggerName().equals("access")).map(LogRecord::getMessage).toList(),
        lines -> lines.size() >= expected);
  }

  @Test
  void eachRequestLogsOneLineWithItsUserAndNeverTheToken() throws Exception {
    String token = token("alice", Role.END_USER);
    http.send("GET", "/payouts/" + EngineDouble.PAYOUT_ID, token, null, "X-Request-ID", "log-1");
    http.send("GET", "/payouts/" + EngineDouble.PAYOUT_ID, "not-a-token", null, "X-Request-ID", "log-2");
    http.post("/payouts", token, "{\"reason\":\"" + "x".repeat(70_000) + "\"}", "Idempotency-Key", "k",
        "X-Request-ID", "log-3");
    http.send("DELETE", "/payouts", token, null, "X-Request-ID", "log-4");
    List<String> lines = accessLines(4);
    assertEquals(4, lines.size(), lines.toString());
    assertTrue(lines.get(0).matches("http method=GET route=/api/payment/payouts/:payout_id status=200 latency_ms=\\S+"
        + " request_id=log-1 user=alice"), lines.get(0));
    assertTrue(lines.get(1).contains("status=401") && lines.get(1).endsWith("request_id=log-2 user=-"), lines.get(1));
    assertTrue(lines.get(2).contains("status=413"), lines.get(2));
    assertTrue(lines.get(3).contains("status=405"), lines.get(3));
    for (String line : lines) {
      assertFalse(line.contains(token) || line.contains("not-a-token"), line);
    }
    assertTrue(records.stream().noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()), records.toString());
  }
}
