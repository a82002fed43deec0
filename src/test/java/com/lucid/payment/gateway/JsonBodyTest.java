package com.lucid.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a body must be, byte for byte, before any route sees it. */
class JsonBodyTest {
  private static String refusal(byte[] bytes) {
    ApiFailure failure = assertThrows(ApiFailure.class, () -> JsonBody.parse(Buffer.buffer(bytes)));
    assertEquals(ErrorCode.INVALID_REQUEST, failure.code());
    return failure.getMessage();
  }

  private static String refusal(String text) {
    return refusal(text.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\\ud800", "\\ud801", "\\udc00", "a\\ud800b", "\\udc00\\ud800", "\\ud800\\ud800"})
  void loneSurrogateEscapesAreRefusedInValuesAndNames(String escape) {
    assertEquals("the body holds a string that is not valid Unicode (a lone surrogate)",
        refusal("{\"reason\":\"" + escape + "\"}"));
    assertEquals("the body holds a string that is not valid Unicode (a lone surrogate)",
        refusal("{\"" + escape + "\":1}"));
  }

  @Test
  void aPairedSurrogateIsOneCharacterAndAccepted() {
    assertEquals("\uD83D\uDE00", JsonBody.parse(Buffer.buffer("{\"reason\":\"\\ud83d\\ude00\"}")).getString("reason"));
    assertEquals("\uD83D\uDE00", JsonBody.parse(Buffer.buffer("{\"reason\":\"\uD83D\uDE00\"}")).getString("reason"));
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[][] bodies = {
        {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},             // overlong '/'
        {'{', '"', 'a', '"', ':', '"', (byte) 0xE0, (byte) 0x80, (byte) 0xAF, '"', '}'}, // overlong, 3 bytes
        {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, // an encoded surrogate
        {'{', '"', 'a', '"', ':', '"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"', '}'}, // > U+10FFFF
        {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'},
        {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},                          // truncated
    };
    for (byte[] body : bodies) {
      assertEquals("the body is not valid UTF-8", refusal(body));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1e2147483648", "1e-2147483649", "1e999999999", "1e-65", "1e65", "-1e400",
      "1.000000000000000000000000000000000000001", "123456789012345678901234567890123456789012345678901234567890",
      "9223372036854775808", "-9223372036854775809"})
  void numbersOutOfRangeAreRefused(String number) {
    assertEquals("the body holds a number out of range", refusal("{\"amount_usdt\":" + number + "}"));
  }

  @Test
  void overLongNumbersAreRefusedWithoutBeingRead() {
    assertEquals("the body holds a number longer than 64 characters", refusal("{\"a\":" + "9".repeat(65) + "}"));
    assertEquals("the body holds a number longer than 64 characters",
        refusal("{\"a\":1." + "0".repeat(60_000) + "1}"));
  }

  @Test
  void anObjectOfThousandsOfFieldsIsRefused() {
    StringBuilder body = new StringBuilder("{\"f0\":0");
    for (int i = 1; i < 257; i++) {
      body.append(",\"f").append(i).append("\":").append(i);
    }
    assertEquals("the body has an object of more than 256 fields", refusal(body + "}"));
    assertEquals(256, JsonBody.parse(Buffer.buffer(body.substring(0, body.lastIndexOf(",")) + "}")).size());
  }

  @Test
  void aFieldNameWithNulIsRefused() {
    assertEquals("the body holds a field name with a NUL character", refusal("{\"custom_data\":{\"a\\u0000b\":1}}"));
  }

  @Test
  void numbersAreKeptExactly() {
    assertEquals(Long.MAX_VALUE, JsonBody.parse(Buffer.buffer("{\"a\":9223372036854775807}")).getValue("a"));
    assertEquals(new BigDecimal("1.000000000000000000000000000000001"),
        JsonBody.parse(Buffer.buffer("{\"a\":1.000000000000000000000000000000001}")).getValue("a"));
    assertEquals(new BigDecimal("12.50"), JsonBody.parse(Buffer.buffer("{\"a\":12.50}")).getValue("a"));
    assertEquals(new BigDecimal("1E+64"), JsonBody.parse(Buffer.buffer("{\"a\":1e64}")).getValue("a"));
    assertEquals(7, JsonBody.parse(Buffer.buffer("{\"a\":7}")).getValue("a"));
  }
}
