package com.lucid.payment.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a request body as one JSON object, strictly: valid UTF-8 (no overlong or surrogate encodings), strings of valid
 * Unicode (no lone surrogate escapes: two bodies that differ only there would hash alike), no repeated field (two
 * amount_usdt fields must not mean whichever came last), no field name with NUL, no trailing content, bounded nesting
 * and fields per object, and numbers the store can hold exactly (64-bit integers, decimals of at most 34 digits).
 * Numbers with a fraction or an exponent become {@link BigDecimal} with the exact digits sent, never a double; integers
 * stay Integer, Long or BigInteger.
 */
final class JsonBody {
  private static final int MAX_DEPTH = 32;
  /** Digits of a number, and the largest exponent: far beyond any field's range, still cheap to hold and compare. */
  private static final int MAX_NUMBER_CHARS = 64;
  /** A decimal's significant digits: what the store keeps exactly (BSON Decimal128); more failed as a 500 there. */
  private static final int MAX_DECIMAL_DIGITS = 34;
  /**
   * Fields of one object: a payout has 11, custom_data fits in 1000 bytes. More is no request of this API, only a way
   * to make the engine list thousands of unknown fields on its event loop.
   */
  private static final int MAX_FIELDS = 256;
  /** Bodies up to this are decoded on the event loop; larger ones (batches) on a worker thread. */
  static final int INLINE_BYTES = 16 * 1024;
  private static final String KEY = "json_body";
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
          .maxNumberLength(MAX_NUMBER_CHARS).build())
      .build();

  private JsonBody() {}

  /** The route step after the body is read: decodes it into the context, or fails the request with a 400. */
  static Handler<RoutingContext> step(Vertx vertx, Endpoint.Body body) {
    return ctx -> {
      if (ctx.response().ended()) {
        return; // answered while the body was arriving (408): the request goes no further
      }
      Buffer bytes = ctx.body().buffer();
      if (bytes == null || bytes.length() == 0) {
        if (body == Endpoint.Body.REQUIRED) {
          ctx.fail(invalid("a JSON object body is required"));
          return;
        }
        next(ctx, new JsonObject());
      } else if (bytes.length() <= INLINE_BYTES) {
        next(ctx, parse(bytes));
      } else {
        vertx.executeBlocking(() -> parse(bytes), false).onComplete(done -> {
          if (ctx.response().ended()) {
            return;
          }
          if (done.failed()) {
            ctx.fail(done.cause());
          } else {
            next(ctx, done.result());
          }
        });
      }
    };
  }

  private static void next(RoutingContext ctx, JsonObject body) {
    ctx.put(KEY, body);
    ctx.next();
  }

  /** The body the step decoded (an empty object when none was sent to a route where it is optional). */
  static JsonObject of(RoutingContext ctx) {
    JsonObject body = ctx.get(KEY);
    return body == null ? new JsonObject() : body;
  }

  static JsonObject parse(Buffer bytes) {
    try (JsonParser parser = FACTORY.createParser(utf8(bytes))) {
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
          : message.contains("Number value length") ? "the body holds a number longer than " + MAX_NUMBER_CHARS
              + " characters"
          : "the body is not valid JSON");
    }
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
  }

  private static char[] utf8(Buffer bytes) {
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.getBytes()));
      char[] text = new char[chars.remaining()];
      chars.get(text);
      return text;
    } catch (CharacterCodingException e) {
      throw invalid("the body is not valid UTF-8");
    }
  }

  private static JsonObject readObject(JsonParser parser) throws IOException {
    JsonObject object = new JsonObject();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
      if (object.size() == MAX_FIELDS) {
        throw invalid("the body has an object of more than " + MAX_FIELDS + " fields");
      }
      String name = unicode(parser.currentName());
      if (name.indexOf('\u0000') >= 0) {
        throw invalid("the body holds a field name with a NUL character"); // no stored document can have one
      }
      object.put(name, readValue(parser, parser.nextToken()));
    }
    return object;
  }

  private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> readObject(parser);
      case START_ARRAY -> readArray(parser);
      case VALUE_STRING -> unicode(parser.getText());
      case VALUE_NUMBER_INT -> integer(parser);
      case VALUE_NUMBER_FLOAT -> decimal(parser);
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw invalid("the body is not valid JSON");
    };
  }

  /** An exponent such as 1e2147483648 has no BigDecimal (and 1e999999999 would make every later step costly). */
  private static BigDecimal decimal(JsonParser parser) throws IOException {
    BigDecimal value;
    try {
      value = parser.getDecimalValue();
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalid("the body holds a number out of range");
    }
    if (Math.abs((long) value.scale()) > MAX_NUMBER_CHARS || value.precision() > MAX_DECIMAL_DIGITS) {
      throw invalid("the body holds a number out of range");
    }
    return value;
  }

  /** Beyond 64 bits an integer means nothing to any field, and the store cannot hold it. */
  private static Number integer(JsonParser parser) throws IOException {
    if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw invalid("the body holds a number out of range");
    }
    return parser.getNumberValue();
  }

  /** A surrogate must be half of a pair: a lone one is not a character and has no UTF-8 form. */
  private static String unicode(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw invalid("the body holds a string that is not valid Unicode (a lone surrogate)");
      }
    }
    return text;
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
