package com.lucid.payment.gateway;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;

/**
 * How a request's body comes in. The first step of every request holds the body back (the socket is not read) until
 * the route has authenticated the caller, checked its rate limit and permission, and reaches its body step; a body
 * that was never read, because the request was refused first, is not read either: after the answer the connection
 * drops at most {@link #LINGER_BYTES} of it and closes. The whole body must arrive within the body timeout of the
 * head, else 408.
 */
final class Intake implements Handler<RoutingContext> {
  /** What is read and dropped of an unwanted body before its connection closes, at most. */
  static final int LINGER_BYTES = 64 * 1024;
  static final long LINGER_MS = 2_000;
  private static final List<CharSequence> SINGLE_HEADERS = List.of(HttpHeaders.HOST, HttpHeaders.AUTHORIZATION,
      HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH, HttpHeaders.TRANSFER_ENCODING, RequestIds.HEADER,
      PayoutRoutes.IDEMPOTENCY_KEY);

  private final Vertx vertx;
  private final HeadDeadlines heads;
  private final long bodyTimeoutMs;

  Intake(Vertx vertx, HeadDeadlines heads, long bodyTimeoutMs) {
    this.vertx = vertx;
    this.heads = heads;
    this.bodyTimeoutMs = bodyTimeoutMs;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    heads.headArrived(request.connection());
    ctx.addEndHandler(done -> heads.responseDone(request.connection()));
    String problem = headProblem(request);
    if (problem != null) {
      // the head's meaning is in doubt, and with it where the next request starts
      ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
      ctx.addEndHandler(done -> request.connection().close());
      ApiError.send(ctx, ErrorCode.INVALID_REQUEST, problem);
      return;
    }
    if (announcesBody(request)) {
      request.pause();
      // until the body step reads it: a body whose framing breaks (a bad chunk size) is the client's fault
      request.exceptionHandler(err -> unreadable(ctx));
      long timer = vertx.setTimer(bodyTimeoutMs, id -> tooSlow(ctx));
      ctx.response().headersEndHandler(v -> {
        if (unread(request)) {
          ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
      });
      ctx.addEndHandler(done -> {
        vertx.cancelTimer(timer);
        // after an answer, not after a broken connection: that one Vert.x closes once the failure is answered
        if (ctx.response().ended() && unread(request)) {
          linger(request);
        }
      });
    }
    ctx.next();
  }

  /**
   * The body step of a route that takes one: a JSON body up to the limit (refused at once when Content-Length says
   * more), anything else refused before a byte of it is read.
   */
  static Handler<RoutingContext> body(int limit) {
    BodyHandler reader = BodyHandler.create(false).setBodyLimit(limit);
    return ctx -> {
      if (ctx.response().ended()) {
        return; // refused while the caller was being checked; nothing of the body is wanted
      }
      if (!announcesBody(ctx.request())) {
        ctx.next();
      } else if (!JsonBody.isJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
        ctx.fail(new ApiFailure(ErrorCode.INVALID_REQUEST, "the body must be sent as Content-Type: application/json"));
      } else {
        reader.handle(ctx);
      }
    };
  }

  /**
   * Closing with the body unread would make the kernel reset the connection, and a client still sending would lose
   * the answer: a little of the body is read and dropped first, then the connection is closed.
   */
  private void linger(HttpServerRequest request) {
    long[] dropped = {0};
    long timer = vertx.setTimer(LINGER_MS, id -> request.connection().close());
    Runnable close = () -> {
      vertx.cancelTimer(timer);
      request.connection().close();
    };
    request.exceptionHandler(err -> close.run());
    request.endHandler(v -> close.run());
    request.handler(chunk -> {
      dropped[0] += chunk.length();
      if (dropped[0] > LINGER_BYTES) {
        close.run();
      }
    });
    request.resume();
  }

  /**
   * What the decoder lets through but a server must not guess at: an HTTP version it does not know (HTTP/1.2), and a
   * header that means one thing given twice (two Hosts, two tokens, two content types: which one counts?).
   */
  private static String headProblem(HttpServerRequest request) {
    if (request.version() == null) {
      return "only HTTP/1.1 (and 1.0) is served";
    }
    for (CharSequence name : SINGLE_HEADERS) {
      if (request.headers().getAll(name).size() > 1) {
        return "the header " + name + " is given more than once";
      }
    }
    return null;
  }

  /** Whether the head says a body follows; with HTTP/1.1 framing that is Transfer-Encoding or a non-zero length. */
  static boolean announcesBody(HttpServerRequest request) {
    if (request.version() == HttpVersion.HTTP_2) {
      return !request.isEnded();
    }
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return request.headers().contains(HttpHeaders.TRANSFER_ENCODING) || (length != null && !length.equals("0"));
  }

  /** A body still (partly) on the wire: an HTTP/1.1 connection cannot be reused after it. */
  private static boolean unread(HttpServerRequest request) {
    return !request.isEnded() && request.version() != HttpVersion.HTTP_2;
  }

  private static void unreadable(RoutingContext ctx) {
    ApiError.send(ctx, ErrorCode.INVALID_REQUEST, "the request body could not be read");
  }

  private static void tooSlow(RoutingContext ctx) {
    if (!ctx.request().isEnded() && !ctx.response().ended()) {
      ApiError.send(ctx, ErrorCode.REQUEST_TIMEOUT, "the request body did not arrive in time");
    }
  }
}
