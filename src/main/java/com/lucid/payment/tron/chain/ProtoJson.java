package com.lucid.payment.tron.chain;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Rebuilds a flat protobuf message from the JSON java-tron prints for it (proto field names, bytes as hex, enums by
 * name, defaults omitted), so that its bytes can be hashed again. A key the message does not have, or a nested,
 * repeated or map field, makes the message unverifiable: we never guess at bytes a hash will be checked against.
 */
final class ProtoJson {
  private ProtoJson() {}

  static <B extends Message.Builder> B fill(B builder, JsonObject json, String what) {
    for (Map.Entry<String, Object> e : json) {
      FieldDescriptor field = builder.getDescriptorForType().findFieldByName(e.getKey());
      if (field == null || field.isRepeated() || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        throw new ChainDataException.Uncheckable(what + ": field '" + e.getKey() + "' cannot be verified");
      }
      builder.setField(field, value(field, e.getValue(), what));
    }
    return builder;
  }

  private static Object value(FieldDescriptor field, Object raw, String what) {
    try {
      return switch (field.getJavaType()) {
        case LONG -> ((Number) raw).longValue();
        case INT -> Math.toIntExact(((Number) raw).longValue());
        case BOOLEAN -> (Boolean) raw;
        case STRING -> (String) raw;
        case BYTE_STRING -> ByteString.copyFrom(Hex.decode((String) raw));
        case ENUM -> enumValue(field, (String) raw, what);
        default -> throw new ChainDataException.Uncheckable(what + ": field '" + field.getName()
            + "' cannot be verified");
      };
    } catch (ClassCastException | IllegalArgumentException | ArithmeticException e) {
      throw new ChainDataException(what + ": field '" + field.getName() + "' has a malformed value");
    }
  }

  private static EnumValueDescriptor enumValue(FieldDescriptor field, String name, String what) {
    EnumValueDescriptor value = field.getEnumType().findValueByName(name);
    if (value == null) {
      throw new ChainDataException(what + ": '" + name + "' is not a value of " + field.getName());
    }
    return value;
  }
}
