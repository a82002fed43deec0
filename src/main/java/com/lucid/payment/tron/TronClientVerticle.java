package com.lucid.payment.tron;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.tron.api.FateQuery;
import com.lucid.payment.tron.api.SignedAttempt;
import com.lucid.payment.tron.api.StakeOrder;
import com.lucid.payment.tron.api.TransferOrder;
import com.lucid.payment.tron.api.TronMessages;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.node.FullNode;
import com.lucid.payment.tron.node.NodeClient;
import com.lucid.payment.tron.node.NodeSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The wallet-plane TRON client: the only code that talks to TRON. Serves sign, broadcast, fate, wallet, stake and
 * status on the bus (wallet plane only); the hot wallet's key stays inside it.
 */
public final class TronClientVerticle extends VerticleBase {
  private final ServiceConfig.Tron config;
  private final TronEndpoints endpoints;
  private final HotWallet wallet;
  private final MeterRegistry registry;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private NodeClient client;

  /**
   * @param endpoints the node URLs and USDT contract in use (the embedded devnet's, or the configured ones)
   * @param registry where tron_network_* meters go (the service's Prometheus registry)
   */
  public TronClientVerticle(ServiceConfig.Tron config, TronEndpoints endpoints, HotWallet wallet,
      MeterRegistry registry) {
    this.config = config;
    this.endpoints = endpoints;
    this.wallet = wallet;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    TronMessages.register(vertx.eventBus());
    client = new NodeClient(vertx, NodeSettings.of(config, endpoints.nodeUrls()), registry);
    FullNode node = new FullNode(client, System::currentTimeMillis);
    TransferSigner signer = new TransferSigner(vertx, node, wallet, endpoints.usdtContract(), config.transfers(),
        System::currentTimeMillis);
    Broadcaster broadcaster = new Broadcaster(node);
    FateJudge judge = new FateJudge(node, wallet.address(), endpoints.usdtContract(),
        config.transfers().extraConfirmations());
    WalletInspector inspector = new WalletInspector(node, wallet.address(), endpoints.usdtContract(),
        config.network());
    Staker staker = new Staker(vertx, node, wallet, config.transfers().expirationMs(), System::currentTimeMillis);
    serve(BusAddress.TRON_SIGN, TransferOrder.class, signer::sign);
    serve(BusAddress.TRON_BROADCAST, SignedAttempt.class, broadcaster::broadcast);
    serve(BusAddress.TRON_FATE, FateQuery.class, judge::fate);
    serve(BusAddress.TRON_WALLET, Object.class, any -> inspector.wallet());
    serve(BusAddress.TRON_STAKE, StakeOrder.class, staker::stake);
    serve(BusAddress.TRON_STATUS, Object.class, any -> inspector.status());
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
  }

  private <T> void serve(BusAddress address, Class<T> type, Function<T, Future<?>> handler) {
    consumers.add(vertx.eventBus().<Object>consumer(address.address(), message -> {
      Object body = message.body();
      if (!type.isInstance(body)) {
        TronFailures.reply(message, address.address(), TronFailures.invalid(address.address() + " expects "
            + type.getSimpleName()));
        return;
      }
      Future<?> result;
      try {
        result = handler.apply(type.cast(body));
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(done -> {
        if (done.succeeded()) {
          message.reply(done.result());
        } else {
          TronFailures.reply(message, address.address(), done.cause());
        }
      });
    }));
  }

  @Override
  public Future<?> stop() {
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList())
        .eventually(() -> {
          if (client != null) {
            client.close();
          }
          return Future.succeededFuture();
        });
  }
}
