package com.lucid.payment.auth;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** A compact JWS split into its decoded header and claims, before (and independently of) signature verification. */
record TokenParts(JsonObject header, JsonObject claims) {
  private static final int MAX_TOKEN_CHARS = 8192;

  /** Empty unless the token is three base64url segments, the first two JSON objects, the third non-empty. */
  static Optional<TokenParts> parse(String token) {
    if (token == null || token.length() > MAX_TOKEN_CHARS) {
      return Optional.empty();
    }
    String[] segments = token.split("\\.", -1);
    if (segments.length != 3 || segments[2].isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new TokenParts(object(segments[0]), object(segments[1])));
    } catch (IllegalArgumentException | DecodeException | ClassCastException malformed) {
      return Optional.empty();
    }
  }

  private static JsonObject object(String segment) {
    if (segment.contains("=")) {
      throw new IllegalArgumentException("JWS segments are unpadded base64url");
    }
    return new JsonObject(new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8));
  }
}
