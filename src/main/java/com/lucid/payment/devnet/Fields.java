package com.lucid.payment.devnet;

import com.google.protobuf.ByteString;
import io.vertx.core.json.JsonObject;
import java.util.HexFormat;
import java.util.Locale;
import org.tron.trident.proto.Common.ResourceCode;

/** Reads protobuf field values from a node's JSON: int64 as number or string, bytes as hex. */
final class Fields {
  private final JsonObject json;
  private final boolean visible;

  Fields(JsonObject json, boolean visible) {
    this.json = json;
    this.visible = visible;
  }

  /** 0 when absent, as protobuf defaults it. */
  long int64(String key) {
    Object value = json.getValue(key);
    if (value == null) {
      return 0;
    }
    if (value instanceof Number number) {
      if (number instanceof Double || number instanceof Float) {
        throw InvalidInput.parse("Expected an int64 for " + key);
      }
      return number.longValue();
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw InvalidInput.parse("Couldn't parse int64 for " + key);
    }
  }

  ByteString bytes(String key) {
    String value = json.getString(key);
    return value == null ? ByteString.EMPTY : hex(value);
  }

  ByteString address(String key) {
    String value = json.getString(key);
    if (value == null || value.isEmpty()) {
      return ByteString.EMPTY;
    }
    return TronAddress.parse(value, visible).byteString();
  }

  /** The ResourceCode number; BANDWIDTH (0) when absent. */
  int resource(String key) {
    Object value = json.getValue(key);
    if (value == null) {
      return ResourceCode.BANDWIDTH_VALUE;
    }
    if (value instanceof Number number) {
      return number.intValue();
    }
    try {
      return ResourceCode.valueOf(value.toString().toUpperCase(Locale.ROOT)).getNumber();
    } catch (IllegalArgumentException e) {
      throw InvalidInput.parse("Unknown resource " + value);
    }
  }

  static ByteString hex(String value) {
    try {
      String text = value.startsWith("0x") ? value.substring(2) : value;
      return ByteString.copyFrom(HexFormat.of().parseHex(text));
    } catch (IllegalArgumentException e) {
      throw InvalidInput.parse("INVALID hex String");
    }
  }
}
