package com.lucid.payment.tron.chain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** The known-answer vectors of src/test/resources/tron-vectors.json. */
final class Vectors {
  private static final JsonObject ROOT = load();

  private Vectors() {}

  static List<JsonObject> keys() {
    JsonObject keys = ROOT.getJsonObject("keys");
    return keys.fieldNames().stream().sorted().map(keys::getJsonObject).collect(Collectors.toList());
  }

  static List<JsonObject> addressPairs() {
    return objects(ROOT.getJsonArray("address_pairs"));
  }

  static List<JsonObject> publishedSignatures() {
    return objects(ROOT.getJsonArray("published_signatures"));
  }

  static List<JsonObject> transactions() {
    return objects(ROOT.getJsonArray("transactions"));
  }

  static JsonObject transaction(String id) {
    return transactions().stream().filter(t -> t.getString("id").equals(id)).findFirst().orElseThrow();
  }

  static JsonObject nileCapture() {
    return objects(ROOT.getJsonArray("node_captures")).stream()
        .filter(c -> c.getString("id").equals("nile-triggersmartcontract")).findFirst().orElseThrow();
  }

  private static List<JsonObject> objects(JsonArray array) {
    return array.stream().map(JsonObject.class::cast).collect(Collectors.toList());
  }

  private static JsonObject load() {
    try (InputStream in = Vectors.class.getResourceAsStream("/tron-vectors.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
