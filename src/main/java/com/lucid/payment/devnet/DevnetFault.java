package com.lucid.payment.devnet;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * A fault to inject into the devnet.
 *
 * @param type what goes wrong
 * @param path request path prefix it applies to (null: the type's default)
 * @param times how many matching requests (or block slots, for PAUSE_BLOCKS) it affects; 0 = until cleared
 * @param delayMs delay for DELAY_BROADCAST and TIMEOUT (0 with TIMEOUT: never answer)
 * @param status HTTP status for HTTP_ERROR (0: 503)
 */
public record DevnetFault(FaultType type, String path, int times, long delayMs, int status) {

  public DevnetFault {
    if (type == null) {
      throw new IllegalArgumentException("type is required");
    }
    // block production has no request path
    path = path == null || type == FaultType.PAUSE_BLOCKS ? type.defaultPath() : path;
    if (times < 0 || delayMs < 0) {
      throw new IllegalArgumentException("times and delay_ms must not be negative");
    }
    if (type == FaultType.DELAY_BROADCAST && delayMs == 0) {
      throw new IllegalArgumentException("DELAY_BROADCAST needs delay_ms > 0");
    }
    if (type == FaultType.HTTP_ERROR) {
      status = status == 0 ? 503 : status;
      if (status < 500 || status > 599) {
        throw new IllegalArgumentException("HTTP_ERROR status must be 5xx");
      }
    }
  }

  public static DevnetFault of(FaultType type) {
    return new DevnetFault(type, null, 0, 0, 0);
  }

  public DevnetFault onPath(String prefix) {
    return new DevnetFault(type, prefix, times, delayMs, status);
  }

  public DevnetFault times(int count) {
    return new DevnetFault(type, path, count, delayMs, status);
  }

  public DevnetFault delayMs(long millis) {
    return new DevnetFault(type, path, times, millis, status);
  }

  public DevnetFault status(int httpStatus) {
    return new DevnetFault(type, path, times, delayMs, httpStatus);
  }

  boolean appliesTo(String requestPath) {
    return requestPath.startsWith(path);
  }

  /** Reads the control API's JSON: {"type", "path", "times", "delay_ms", "status"}. */
  static DevnetFault fromJson(JsonObject json) {
    String type = json.getString("type");
    if (type == null) {
      throw new IllegalArgumentException("type is required");
    }
    return new DevnetFault(FaultType.valueOf(type.toUpperCase(Locale.ROOT)),
        json.getString("path"), json.getInteger("times", 0), json.getLong("delay_ms", 0L),
        json.getInteger("status", 0));
  }

  JsonObject toJson() {
    return new JsonObject().put("type", type.name()).put("path", path).put("times", times)
        .put("delay_ms", delayMs).put("status", status);
  }
}
