package com.lucid.payment.devnet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where two node answers differ in shape, the part a client's parser sees: the keys present at every level, and the
 * JSON type of each value (the first element of arrays standing for all). Values are not compared: block numbers,
 * ids and balances differ between two chains. Keys whose presence depends on the account's or chain's state (a
 * protobuf default, 0, is omitted from java-tron's JSON) may be named as paths to leave out.
 */
final class Shapes {
  private Shapes() {}

  /** Each difference as "path: what"; empty when the shapes agree. */
  static List<String> differences(Object javaTron, Object devnet, Set<String> stateDependent) {
    List<String> out = new ArrayList<>();
    compare("", javaTron, devnet, stateDependent, out);
    return out;
  }

  private static void compare(String at, Object expected, Object actual, Set<String> skip, List<String> out) {
    if (!type(expected).equals(type(actual))) {
      out.add(at + ": " + type(expected) + " in java-tron, " + type(actual) + " on the devnet");
    } else if (expected instanceof JsonObject e && actual instanceof JsonObject a) {
      Set<String> keys = new TreeSet<>(e.fieldNames());
      keys.addAll(a.fieldNames());
      for (String key : keys) {
        String path = at.isEmpty() ? key : at + "." + key;
        if (skip.contains(path)) {
          continue;
        }
        if (!a.containsKey(key)) {
          out.add(path + ": missing on the devnet");
        } else if (!e.containsKey(key)) {
          out.add(path + ": only on the devnet");
        } else {
          compare(path, e.getValue(key), a.getValue(key), skip, out);
        }
      }
    } else if (expected instanceof JsonArray e && actual instanceof JsonArray a) {
      if (e.isEmpty() != a.isEmpty()) {
        out.add(at + ": " + (e.isEmpty() ? "empty" : "not empty") + " in java-tron only");
      } else if (!e.isEmpty()) {
        compare(at + "[]", e.getValue(0), a.getValue(0), skip, out);
      }
    }
  }

  private static String type(Object value) {
    if (value instanceof JsonObject) {
      return "object";
    }
    if (value instanceof JsonArray) {
      return "array";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    return value == null ? "null" : "string";
  }

  /** A message field as text: java-tron prints it hex-encoded UTF-8 unless visible was asked for. */
  static String text(String field) {
    try {
      return new String(HexFormat.of().parseHex(field), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notHex) {
      return field;
    }
  }
}
