package com.lucid.payment.bus;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one way a verticle serves a catalogued address: the body checked against the type the address takes, the
 * caller read from the headers, and the outcome replied, a failure as the {@link ApiFailure} its receiver makes of it.
 */
public final class BusEndpoint {
  private BusEndpoint() {}

  /**
   * @param type what the address takes; a body of another type is INVALID_REQUEST
   * @param whenEmpty the body of a request sent without one (null: such a request is refused as well)
   * @param failures what the receiver makes of a failure (and logs); its result is what the caller gets
   */
  public static <T> MessageConsumer<Object> serve(EventBus bus, BusAddress address, Class<T> type, T whenEmpty,
      BiFunction<T, CallContext, Future<?>> handler, Function<Throwable, ApiFailure> failures) {
    FailureCodec.register(bus);
    return bus.consumer(address.address(), message -> answer(message, address, type, whenEmpty, handler, failures));
  }

  private static <T> void answer(Message<Object> message, BusAddress address, Class<T> type, T whenEmpty,
      BiFunction<T, CallContext, Future<?>> handler, Function<Throwable, ApiFailure> failures) {
    Object body = message.body() == null ? whenEmpty : message.body();
    Future<?> result;
    if (!type.isInstance(body)) {
      result = Future.failedFuture(new ApiFailure(ErrorCode.INVALID_REQUEST, address.address() + " expects "
          + type.getSimpleName()));
    } else {
      try {
        result = handler.apply(type.cast(body), CallContext.fromHeaders(message.headers()));
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
    }
    result.onComplete(done -> message.reply(done.succeeded() ? done.result() : failures.apply(done.cause())));
  }
}
