package com.lucid.payment.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;

/**
 * Reads a request body as one JSON object, strictly: application/json only, no repeated field (two amount_usdt fields
 * must not mean whichever came last), no trailing content, bounded nesting. Numbers with a fraction or an exponent
 * become {@link java.math.BigDecimal} with the exact digits sent, never a double; integers stay Integer, Long or
 * BigInteger.
 */
final class JsonBody {
  private static final int MAX_DEPTH = 32;
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .build();

  private JsonBody() {}

  /** The body as an object; an absent body is an error when required, else an empty object. */
  static JsonObject read(RoutingContext ctx, Endpoint.Body body) {
    Buffer bytes = ctx.body().buffer();
    String contentType = ctx.request().getHeader("Content-Type");
    boolean empty = bytes == null || bytes.length() == 0;
    // a form's fields never reach the buffer (the body handler takes them), so the type alone decides
    if ((!empty || contentType != null) && !isJson(contentType)) {
      throw invalid("the body must be sent as Content-Type: application/json");
    }
    if (empty) {
      if (body == Endpoint.Body.REQUIRED) {
        throw invalid("a JSON object body is required");
      }
      return new JsonObject();
    }
    return parse(bytes);
  }

  static JsonObject parse(Buffer bytes) {
    try (JsonParser parser = FACTORY.createParser(bytes.getBytes())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw invalid("the body must be a JSON object");
      }
      JsonObject object = readObject(parser);
      if (parser.nextToken() != null) {
        throw invalid("the body must hold one JSON object and nothing after it");
      }
      return object;
    } catch (IOException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      throw invalid(message.startsWith("Duplicate field") ? "the body repeats a field"
          : message.contains("nesting depth") ? "the body nests deeper than " + MAX_DEPTH + " levels"
          : "the body is not valid JSON");
    }
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String media = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
  }

  private static JsonObject readObject(JsonParser parser) throws IOException {
    JsonObject object = new JsonObject();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
      String name = parser.currentName();
      object.put(name, readValue(parser, parser.nextToken()));
    }
    return object;
  }

  private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> readObject(parser);
      case START_ARRAY -> readArray(parser);
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> parser.getNumberValue();
      case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw invalid("the body is not valid JSON");
    };
  }

  private static JsonArray readArray(JsonParser parser) throws IOException {
    JsonArray array = new JsonArray();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      array.add(readValue(parser, token));
    }
    return array;
  }

  private static ApiFailure invalid(String message) {
    return new ApiFailure(ErrorCode.INVALID_REQUEST, message);
  }
}
