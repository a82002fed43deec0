package com.lucid.payment.devnet;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/** The devnet's HTTP adapter: mounts the node API (and control API) and drives the block timer. */
public final class DevnetVerticle extends VerticleBase {
  /** java-tron's default node.http.maxMessageSize. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private final Devnet devnet;
  private HttpServer server;
  private long blockTimer = -1;

  DevnetVerticle(Devnet devnet) {
    this.devnet = devnet;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(ctx -> {
      devnet.requestLog().add(new SeenRequest(ctx.request().remoteAddress().host(),
          ctx.request().remoteAddress().port(), ctx.request().path()));
      ctx.next();
    });
    router.route().handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    router.routeWithRegex("^/wallet(solidity)?/.*").handler(this::requestFaults);
    new BlockApi(devnet).mount(router);
    new AccountApi(devnet).mount(router);
    new ContractApi(devnet).mount(router);
    new TransactionApi(devnet).mount(router);
    if (devnet.options().controlEnabled()) {
      new ControlApi(devnet).mount(router);
    }
    router.route().failureHandler(ctx -> {
      if (ctx.failure() == null) {
        // a status failure such as 413 for a body over the limit, which TRON also answers as such
        ctx.response().setStatusCode(ctx.statusCode()).end();
      } else {
        Routes.replyError(ctx, ctx.failure());
      }
    });
    DevnetOptions options = devnet.options();
    return vertx.createHttpServer(new HttpServerOptions().setHost(options.host())
            .setPort(options.port()))
        .requestHandler(router)
        .listen()
        .onSuccess(listening -> {
          server = listening;
          blockTimer = vertx.setPeriodic(options.blockMs(), id -> devnet.onBlockSlot());
        });
  }

  /** HTTP_ERROR answers a 5xx; TIMEOUT answers late or never. */
  private void requestFaults(RoutingContext ctx) {
    DevnetFault fault = devnet.faultBook()
        .take(ctx.request().path(), FaultType.HTTP_ERROR, FaultType.TIMEOUT);
    if (fault == null) {
      ctx.next();
    } else if (fault.type() == FaultType.HTTP_ERROR) {
      ctx.response().setStatusCode(fault.status()).putHeader("Content-Type", "text/plain")
          .end(HttpResponseStatus.valueOf(fault.status()).reasonPhrase());
    } else if (fault.delayMs() > 0) {
      vertx.setTimer(fault.delayMs(), id -> ctx.next());
    }
  }

  int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(blockTimer);
    return server == null ? Future.succeededFuture() : server.close();
  }
}
