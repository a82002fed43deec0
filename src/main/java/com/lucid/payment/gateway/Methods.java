package com.lucid.payment.gateway;

import io.vertx.core.http.HttpMethod;
import java.util.Set;

/**
 * The HTTP methods a log line or a metric names as they are; any other token a client invents is OTHER, so a spray of
 * made-up methods cannot grow either.
 */
public final class Methods {
  /** What stands for every method outside {@link #KNOWN}. */
  public static final String OTHER = "OTHER";
  /** RFC 9110's methods and PATCH. */
  public static final Set<String> KNOWN = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS",
      "TRACE", "PATCH");

  private Methods() {}

  public static String label(HttpMethod method) {
    return label(method.name());
  }

  public static String label(String method) {
    return KNOWN.contains(method) ? method : OTHER;
  }
}
