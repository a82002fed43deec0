package com.lucid.payment.bus;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * Carries an {@link ApiFailure} as a reply: by reference within the JVM; between JVMs (a clustered bus) as its error
 * code, message and details, so a sibling that registers this codec gets the same failure back.
 */
public final class FailureCodec implements MessageCodec<ApiFailure, ApiFailure> {
  static final String NAME = "lucid.api-failure";

  /** Makes it the codec of every ApiFailure sent on this bus; a bus that has it already keeps it. */
  public static void register(EventBus bus) {
    try {
      bus.registerDefaultCodec(ApiFailure.class, new FailureCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // one codec per bus: the one in place is this one
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, ApiFailure failure) {
    Buffer json = new JsonObject().put("code", failure.code().code()).put("message", failure.getMessage())
        .put("details", failure.details()).toBuffer();
    buffer.appendInt(json.length()).appendBuffer(json);
  }

  @Override
  public ApiFailure decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    JsonObject json = new JsonObject(buffer.getBuffer(pos + 4, pos + 4 + length));
    ErrorCode code = ErrorCode.ofCode(json.getString("code")).orElse(ErrorCode.INTERNAL);
    return new ApiFailure(code, json.getString("message"), json.getJsonObject("details"));
  }

  @Override
  public ApiFailure transform(ApiFailure failure) {
    return failure;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
