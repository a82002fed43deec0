package com.lucid.payment.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One dispatch for every consumer: typed bodies, the caller from the headers, failures as code plus details. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class BusEndpointTest {
  private static final ApiFailure REFUSED = new ApiFailure(ErrorCode.INVALID_STATE, "already signed",
      new JsonObject().put("status", "processing"));

  private static PlaneBus serveCancel(Vertx vertx) {
    BusEndpoint.serve(vertx.eventBus(), BusAddress.PAYOUT_CANCEL, JsonObject.class, new JsonObject(),
        (body, caller) -> "refuse".equals(body.getString("payout_id")) ? Future.failedFuture(REFUSED)
            : Future.succeededFuture(body.copy().put("by", caller.userId())),
        err -> err instanceof ApiFailure f ? f : new ApiFailure(ErrorCode.INTERNAL, "internal error"));
    return new PlaneBus(vertx.eventBus(), Plane.WALLET);
  }

  @Test
  void aReplyCarriesTheCallerOfTheHeaders(Vertx vertx, VertxTestContext ctx) {
    serveCancel(vertx).<JsonObject>request(BusAddress.PAYOUT_CANCEL, new JsonObject().put("payout_id", "p1"),
        new CallContext(Plane.WALLET, "alice", "admin", "req_1")).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertEquals("alice", reply.getString("by"));
          ctx.completeNow();
        })));
  }

  @Test
  void aFailureArrivesAsItsCodeStatusAndDetailsNotAsTextToParse(Vertx vertx, VertxTestContext ctx) {
    serveCancel(vertx).request(BusAddress.PAYOUT_CANCEL, new JsonObject().put("payout_id", "refuse"))
        .onComplete(ctx.failing(err -> ctx.verify(() -> {
          ApiFailure failure = ApiFailure.from(err);
          assertSame(REFUSED, failure, "passed by reference within the JVM");
          assertEquals(409, failure.failureCode());
          assertEquals("already signed", failure.getMessage());
          ctx.completeNow();
        })));
  }

  @Test
  void aBodyOfAnotherTypeIsAnInvalidRequest(Vertx vertx, VertxTestContext ctx) {
    serveCancel(vertx).request(BusAddress.PAYOUT_CANCEL, "not json").onComplete(ctx.failing(err -> ctx.verify(() -> {
      assertEquals(ErrorCode.INVALID_REQUEST, ApiFailure.from(err).code());
      ctx.completeNow();
    })));
  }

  @Test
  void betweenJvmsTheCodecKeepsCodeMessageAndDetails() {
    FailureCodec codec = new FailureCodec();
    Buffer wire = Buffer.buffer().appendString("xyz");
    codec.encodeToWire(wire, REFUSED);
    ApiFailure back = codec.decodeFromWire(3, wire);
    assertEquals(ErrorCode.INVALID_STATE, back.code());
    assertEquals(409, back.failureCode());
    assertEquals("already signed", back.getMessage());
    assertEquals(REFUSED.details(), back.details());
  }
}
