package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.ErrorCode;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/** The error envelope as a raw response must carry it, whoever made the request. */
public final class Envelopes {
  private Envelopes() {}

  /**
   * The answer is the envelope with this status and code (null: any code of that status), its request id the same as
   * the X-Request-ID header, and nothing internal in it.
   */
  public static JsonObject assertEnvelope(RawHttp.Response r, int status, ErrorCode code) {
    assertEquals(status, r.status(), r.toString());
    assertTrue(r.header("Content-Type").orElse("").startsWith("application/json"), "not the envelope: " + r);
    JsonObject error = r.json().getJsonObject("error");
    assertEquals(Set.of("error"), r.json().fieldNames());
    assertEquals(Set.of("code", "message", "details", "request_id", "timestamp"), error.fieldNames());
    if (code != null) {
      assertEquals(code.code(), error.getString("code"), r.toString());
    } else {
      ErrorCode given = ErrorCode.ofCode(error.getString("code")).orElseThrow();
      assertTrue(given.status() == status || given == ErrorCode.ROUTE_NOT_FOUND, r.toString());
    }
    assertEquals(r.header("X-Request-ID").orElseThrow(), error.getString("request_id"));
    for (String leak : new String[] {"Exception", "exception", "at com.", "at io.", "netty", "vertx", "lucid.wallet"}) {
      assertFalse(r.body().contains(leak), r.body());
    }
    return error;
  }
}
