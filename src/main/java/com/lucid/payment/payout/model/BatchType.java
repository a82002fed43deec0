package com.lucid.payment.payout.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/** When a payout is released for sending (UTC): now, the next top of the hour, midnight, Monday, or the monthly anchor. */
public enum BatchType {
  IMMEDIATE, HOURLY, DAILY, WEEKLY, MONTHLY;

  /**
   * The release instant for a payout accepted at {@code now}.
   *
   * @param monthlyAnchorDay day of the month for MONTHLY (1–28), or 0 for the last day of the month
   */
  public Instant releaseAt(Instant now, int monthlyAnchorDay) {
    ZonedDateTime t = now.atZone(ZoneOffset.UTC);
    return switch (this) {
      case IMMEDIATE -> now;
      case HOURLY -> t.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
      case DAILY -> t.truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
      case WEEKLY -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).toInstant();
      case MONTHLY -> nextMonthlyAnchor(t.toLocalDate(), monthlyAnchorDay, now);
    };
  }

  private static Instant nextMonthlyAnchor(LocalDate today, int anchorDay, Instant now) {
    for (int months = 0; months <= 2; months++) {
      LocalDate month = today.withDayOfMonth(1).plusMonths(months);
      LocalDate anchor = anchorDay == 0 ? month.with(TemporalAdjusters.lastDayOfMonth()) : month.withDayOfMonth(anchorDay);
      Instant at = anchor.atStartOfDay(ZoneOffset.UTC).toInstant();
      if (at.isAfter(now)) {
        return at;
      }
    }
    throw new IllegalStateException("no monthly anchor within two months");
  }

  public static Optional<BatchType> fromApi(String value) {
    for (BatchType b : values()) {
      if (b.name().equals(value)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }
}
