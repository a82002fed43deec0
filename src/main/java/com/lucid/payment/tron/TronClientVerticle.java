package com.lucid.payment.tron;

import com.lucid.payment.bus.BusAddress;
import com.lucid.payment.bus.BusEndpoint;
import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.seal.PayoutSeal;
import com.lucid.payment.tron.api.AttemptRef;
import com.lucid.payment.tron.api.PaymentClaim;
import com.lucid.payment.tron.api.ReviewOrder;
import com.lucid.payment.tron.api.StakeOrder;
import com.lucid.payment.tron.api.TransferOrder;
import com.lucid.payment.tron.api.TronMessages;
import com.lucid.payment.tron.chain.HotWallet;
import com.lucid.payment.tron.chain.TronAddress;
import com.lucid.payment.tron.node.ChainRules;
import com.lucid.payment.tron.node.EndpointCheck;
import com.lucid.payment.tron.node.FullNode;
import com.lucid.payment.tron.node.NodeClient;
import com.lucid.payment.tron.node.NodeSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The wallet-plane TRON client: the only code that talks to TRON. Serves sign, broadcast, fate, claim, review,
 * wallet, stake and status on the bus (wallet plane only); the hot wallet's key and the signing journal stay inside
 * it. Nothing is signed, sent or judged for a payout whose seal does not hold.
 */
public final class TronClientVerticle extends VerticleBase {
  private final ServiceConfig.Tron config;
  private final ServiceConfig.Integrity integrity;
  private final TronEndpoints endpoints;
  private final HotWallet wallet;
  private final PayoutSeal seal;
  private final MeterRegistry registry;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private NodeClient client;
  private SigningJournal journal;

  /**
   * @param endpoints the node URLs and USDT contract in use (the embedded devnet's, or the configured ones)
   * @param seal checks the payouts and attempts it is asked to sign, send or judge
   * @param registry where tron_network_* meters go (the service's Prometheus registry)
   */
  public TronClientVerticle(ServiceConfig.Tron config, ServiceConfig.Integrity integrity, TronEndpoints endpoints,
      HotWallet wallet, PayoutSeal seal, MeterRegistry registry) {
    this.config = config;
    this.integrity = integrity;
    this.endpoints = endpoints;
    this.wallet = wallet;
    this.seal = seal;
    this.registry = registry;
  }

  /** Opens the journal, checks that each node URL serves the API it is configured for, then serves the bus. */
  @Override
  public Future<?> start() {
    return vertx.executeBlocking(() -> SigningJournal.open(integrity.journalFile(), integrity.journalFsync()))
        .compose(opened -> {
          journal = opened;
          client = new NodeClient(vertx, NodeSettings.of(config, endpoints.nodes()), registry);
          return new EndpointCheck(client).run().onFailure(wrong -> client.close());
        })
        .compose(checked -> serveAll());
  }

  private Future<?> serveAll() {
    TronMessages.register(vertx.eventBus());
    LongSupplier clock = System::currentTimeMillis;
    FullNode node = new FullNode(client, clock, new ChainRules(config.network().minBlockIntervalMs(),
        config.transfers().clockSkewMs()));
    TronAddress usdt = endpoints.usdtContract();
    JournalWrites writes = new JournalWrites(vertx, journal);
    ChainEvidence evidence = new ChainEvidence(node, clock);
    AttemptGate gate = new AttemptGate(seal, wallet.address(), usdt);
    TransferSigner signer = new TransferSigner(vertx, node, wallet, usdt, config.transfers(), seal, writes, evidence,
        clock);
    Broadcaster broadcaster = new Broadcaster(node);
    FateJudge judge = new FateJudge(node, evidence, writes, wallet.address(), config.transfers().extraConfirmations(),
        clock);
    WalletInspector inspector = new WalletInspector(node, wallet.address(), usdt, config.network(), registry);
    Staker staker = new Staker(vertx, node, wallet, config.transfers().expirationMs(), clock);
    serve(BusAddress.TRON_SIGN, TransferOrder.class, order -> {
      gate.payout(order.payout());
      return signer.sign(order);
    });
    serve(BusAddress.TRON_BROADCAST, AttemptRef.class, ref -> {
      gate.attempt(ref);
      return broadcaster.broadcast(ref.attempt());
    });
    serve(BusAddress.TRON_FATE, AttemptRef.class, ref -> judge.fate(ref, gate.attempt(ref)));
    serve(BusAddress.TRON_CLAIM, PaymentClaim.class, claim -> {
      gate.payout(claim.payout());
      return judge.claim(claim);
    });
    serve(BusAddress.TRON_REVIEW, ReviewOrder.class, order -> (order.kind() == ReviewOrder.Kind.GRANT_RESIGN
        ? writes.granted(order.payoutId()) : writes.closed(order.payoutId())).map(v -> new JsonObject()));
    serve(BusAddress.TRON_WALLET, Object.class, any -> inspector.wallet());
    serve(BusAddress.TRON_STAKE, StakeOrder.class, staker::stake);
    serve(BusAddress.TRON_STATUS, Object.class, any -> inspector.status());
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
  }

  private <T> void serve(BusAddress address, Class<T> type, Function<T, Future<?>> handler) {
    consumers.add(BusEndpoint.serve(vertx.eventBus(), address, type, null, (body, caller) -> handler.apply(body),
        err -> TronFailures.reported(address.address(), err)));
  }

  @Override
  public Future<?> stop() {
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList())
        .eventually(() -> {
          if (client != null) {
            client.close();
          }
          if (journal != null) {
            journal.close();
          }
          return Future.succeededFuture();
        });
  }
}
