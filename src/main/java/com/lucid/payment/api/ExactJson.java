package com.lucid.payment.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;

/**
 * Parses a JSON object keeping every decimal exact ({@link java.math.BigDecimal}); Vert.x's own decoder turns 1.10
 * into a double, and money must never pass through one. Duplicate keys are refused: a body saying two things about
 * one field is ambiguous.
 */
public final class ExactJson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxNumberLength(64).build())
      .build();

  private ExactJson() {}

  /** The object, or an {@link ApiFailure} INVALID_REQUEST naming what is wrong with the syntax. */
  public static JsonObject parseObject(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new ApiFailure(ErrorCode.INVALID_REQUEST, "the request body must be a JSON object");
      }
      JsonObject result = readObject(parser);
      if (parser.nextToken() != null) {
        throw new ApiFailure(ErrorCode.INVALID_REQUEST, "unexpected content after the JSON object");
      }
      return result;
    } catch (IOException e) {
      throw new ApiFailure(ErrorCode.INVALID_REQUEST, "the request body is not valid JSON");
    }
  }

  private static JsonObject readObject(JsonParser parser) throws IOException {
    JsonObject object = new JsonObject();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      object.put(name, readValue(parser));
    }
    return object;
  }

  private static Object readValue(JsonParser parser) throws IOException {
    return switch (parser.currentToken()) {
      case START_OBJECT -> readObject(parser);
      case START_ARRAY -> {
        JsonArray array = new JsonArray();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(readValue(parser));
        }
        yield array;
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> parser.getNumberValue();
      case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new ApiFailure(ErrorCode.INVALID_REQUEST, "the request body is not valid JSON");
    };
  }
}
