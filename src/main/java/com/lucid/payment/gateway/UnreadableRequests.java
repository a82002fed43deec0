package com.lucid.payment.gateway;

import com.lucid.payment.api.ErrorCode;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Requests the HTTP decoder could not read (a broken request line or header, a head over its limit, conflicting
 * lengths): the envelope with a new request id (the client's cannot be trusted to have been read), then the
 * connection is closed, because nothing after such a request can be framed.
 */
final class UnreadableRequests implements Handler<HttpServerRequest> {
  @Override
  public void handle(HttpServerRequest request) {
    long start = System.nanoTime();
    Throwable cause = request.decoderResult().cause();
    int status;
    String message;
    ErrorCode code;
    if (cause instanceof TooLongHttpLineException) {
      status = 414;
      code = ErrorCode.REQUEST_HEAD_TOO_LARGE;
      message = "the request line is too long";
    } else if (cause instanceof TooLongHttpHeaderException) {
      status = 431;
      code = ErrorCode.REQUEST_HEAD_TOO_LARGE;
      message = "the request headers are too large";
    } else {
      status = 400;
      code = ErrorCode.INVALID_REQUEST;
      message = "the request is not valid HTTP/1.1";
    }
    String id = RequestIds.newId();
    request.response().putHeader(RequestIds.HEADER, id).putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    ApiError.write(request.response(), status, code, message, null, id)
        .onComplete(written -> request.connection().close());
    AccessLog.unreadable(status, start, id);
  }
}
