package com.lucid.payment.gateway;

import com.lucid.payment.bus.CallContext;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/** X-Request-ID: taken from the request when it is a sane token, else generated; echoed on every response. */
public final class RequestIds {
  public static final String HEADER = "X-Request-ID";
  private static final String KEY = "request_id";
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private RequestIds() {}

  /** The route handler that assigns the id; install first. */
  public static void assign(RoutingContext ctx) {
    String given = ctx.request().getHeader(HEADER);
    String id = given != null && VALID.matcher(given).matches() ? given : newId();
    ctx.put(KEY, id);
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }

  /**
   * The request's id; one the router refused before {@link #assign} ran (a bad Host, a path it cannot decode) gets
   * one here, on its response too.
   */
  public static String of(RoutingContext ctx) {
    String id = ctx.get(KEY);
    if (id == null) {
      id = newId();
      ctx.put(KEY, id);
      if (!ctx.response().headWritten()) {
        ctx.response().putHeader(HEADER, id);
      }
    }
    return id;
  }

  public static String newId() {
    return CallContext.newRequestId();
  }
}
