package com.lucid.payment.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lucid.payment.payout.model.BatchType;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The release instant of each window from a given moment (UTC), including the monthly anchor and its edges. */
class MonthlyAnchorTest {
  @ParameterizedTest(name = "{0} accepted {1} (anchor {2}) → {3}")
  @CsvSource({
      "HOURLY, 2026-11-18T10:20:00Z, 0, 2026-11-18T11:00:00Z",
      "HOURLY, 2026-11-18T10:00:00Z, 0, 2026-11-18T11:00:00Z",
      "HOURLY, 2026-12-31T23:59:59Z, 0, 2027-01-01T00:00:00Z",
      "DAILY, 2026-11-18T00:00:00Z, 0, 2026-11-19T00:00:00Z",
      "WEEKLY, 2026-11-23T00:00:00Z, 0, 2026-11-30T00:00:00Z",
      "WEEKLY, 2026-11-22T23:59:59Z, 0, 2026-11-23T00:00:00Z",
      "MONTHLY, 2026-11-18T10:20:00Z, 0, 2026-11-30T00:00:00Z",
      "MONTHLY, 2026-11-30T00:00:00Z, 0, 2026-12-31T00:00:00Z",
      "MONTHLY, 2028-02-03T08:00:00Z, 0, 2028-02-29T00:00:00Z",
      "MONTHLY, 2027-02-03T08:00:00Z, 0, 2027-02-28T00:00:00Z",
      "MONTHLY, 2026-11-10T08:00:00Z, 15, 2026-11-15T00:00:00Z",
      "MONTHLY, 2026-11-15T00:00:00Z, 15, 2026-12-15T00:00:00Z",
      "MONTHLY, 2026-12-20T08:00:00Z, 1, 2027-01-01T00:00:00Z",
      "IMMEDIATE, 2026-11-18T10:20:00Z, 0, 2026-11-18T10:20:00Z"})
  void releaseInstants(BatchType type, String accepted, int anchorDay, String release) {
    assertEquals(Instant.parse(release), type.releaseAt(Instant.parse(accepted), anchorDay));
  }
}
