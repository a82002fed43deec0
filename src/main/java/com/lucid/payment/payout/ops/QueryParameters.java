package com.lucid.payment.payout.ops;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/** The query parameters of the read routes, as strings the gateway passed on: each checked, or the call refused. */
final class QueryParameters {
  private QueryParameters() {}

  /** An ISO 8601 instant, or a UTC date (its start, or with {@code endOfDay} the start of the next day). */
  static Optional<Instant> date(JsonObject q, String name, boolean endOfDay) {
    String v = q.getString(name);
    if (v == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(v));
    } catch (DateTimeParseException notInstant) {
      try {
        LocalDate day = LocalDate.parse(v);
        return Optional.of((endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant());
      } catch (DateTimeParseException notDate) {
        throw new ApiFailure(ErrorCode.INVALID_REQUEST, name + " must be an ISO 8601 date or date-time");
      }
    }
  }

  static int whole(JsonObject q, String name, int fallback, int min, int max) {
    String v = q.getString(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ApiFailure(ErrorCode.INVALID_REQUEST, name + " must be a whole number from " + min + " to " + max);
  }

  static void onlyKnown(JsonObject q, Set<String> known) {
    q.fieldNames().stream().filter(f -> !known.contains(f)).findFirst().ifPresent(f -> {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "unknown query parameter " + f);
    });
  }
}
