package com.lucid.payment.devnet;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The devnet's HTTP adapter: mounts the node API (and control API) and drives the block timer.
 * With a separate solidity port it runs two servers, as java-tron does: /wallet (and control) on
 * the main port, /walletsolidity on the other, each answering the other's paths with 405.
 */
public final class DevnetVerticle extends VerticleBase {
  /** java-tron's default node.http.maxMessageSize. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private final Devnet devnet;
  private HttpServer server;
  private HttpServer solidityServer;
  private long blockTimer = -1;

  DevnetVerticle(Devnet devnet) {
    this.devnet = devnet;
  }

  @Override
  public Future<?> start() {
    DevnetOptions options = devnet.options();
    Router full = router();
    Router solidity = options.separateSolidityPort() ? router() : full;
    Routes.Apis apis = new Routes.Apis(full, solidity);
    new BlockApi(devnet).mount(apis);
    new AccountApi(devnet).mount(apis);
    new ContractApi(devnet).mount(apis);
    new TransactionApi(devnet).mount(apis);
    if (options.controlEnabled()) {
      new ControlApi(devnet).mount(full);
    }
    finish(full);
    Future<HttpServer> main = listen(full, options.port());
    Future<HttpServer> second = main.compose(m -> solidity == full ? Future.<HttpServer>succeededFuture()
        : listen(finish(solidity), options.solidityPort()));
    return second.onSuccess(s -> {
      server = main.result();
      solidityServer = s;
      blockTimer = vertx.setPeriodic(options.blockMs(), id -> devnet.onBlockSlot());
    }).onFailure(e -> main.onSuccess(HttpServer::close));
  }

  private Router router() {
    Router router = Router.router(vertx);
    router.route().handler(ctx -> {
      devnet.requestLog().add(new SeenRequest(ctx.request().remoteAddress().host(),
          ctx.request().remoteAddress().port(), ctx.request().path()));
      ctx.next();
    });
    router.route().handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    router.routeWithRegex("^/wallet(solidity)?/.*").handler(this::requestFaults);
    return router;
  }

  /** After the APIs: a node path this port does not serve answers as java-tron's Jetty does. */
  private static Router finish(Router router) {
    router.routeWithRegex("^/wallet(solidity)?/.*").handler(WrongPort::answer);
    router.route().failureHandler(ctx -> {
      if (ctx.failure() == null) {
        // a status failure such as 413 for a body over the limit, which TRON also answers as such
        ctx.response().setStatusCode(ctx.statusCode()).end();
      } else {
        Routes.replyError(ctx, ctx.failure());
      }
    });
    return router;
  }

  private Future<HttpServer> listen(Router router, int port) {
    return vertx.createHttpServer(new HttpServerOptions().setHost(devnet.options().host()).setPort(port))
        .requestHandler(router).listen();
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

  /** The solidity API's port: the main port unless it has its own. */
  int actualSolidityPort() {
    return solidityServer == null ? server.actualPort() : solidityServer.actualPort();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(blockTimer);
    Future<Void> second = solidityServer == null ? Future.succeededFuture() : solidityServer.close();
    return second.compose(v -> server == null ? Future.succeededFuture() : server.close());
  }
}
