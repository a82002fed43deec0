package com.lucid.payment.payout.model;

import com.lucid.payment.tron.chain.Hashes;
import com.lucid.payment.tron.chain.Hex;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** A canonical JSON form (keys sorted at every level) so that equal content always hashes equally. */
public final class Canonical {
  private Canonical() {}

  public static String encode(JsonObject value) {
    return ((JsonObject) sorted(value)).encode();
  }

  public static String sha256(JsonObject value) {
    return Hex.encode(Hashes.sha256(encode(value).getBytes(StandardCharsets.UTF_8)));
  }

  private static Object sorted(Object value) {
    if (value instanceof JsonObject o) {
      Map<String, Object> map = new TreeMap<>();
      o.forEach(e -> map.put(e.getKey(), sorted(e.getValue())));
      return new JsonObject(new java.util.LinkedHashMap<>(map));
    }
    if (value instanceof JsonArray a) {
      JsonArray out = new JsonArray();
      a.forEach(v -> out.add(sorted(v)));
      return out;
    }
    return value;
  }
}
