package com.lucid.payment.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlaneAclTest {
  private static final String CHAIN_ADDRESS = "lucid.chain.anchor";
  private static final String PRIVATE_WALLET_ADDRESS = "lucid.wallet.internal.queue";

  private Vertx vertx;
  private SimpleMeterRegistry metrics;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    metrics = new SimpleMeterRegistry();
    PlaneAcl.install(vertx.eventBus(), metrics);
    for (String address : new String[] {BusAddress.HEALTH.address(), BusAddress.TRON_STATUS.address(),
        CHAIN_ADDRESS, PRIVATE_WALLET_ADDRESS}) {
      vertx.eventBus().<JsonObject>consumer(address, msg -> msg.reply(new JsonObject().put("served", address)));
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  private String call(Plane sender, String address) throws Exception {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(2_000);
    if (sender != null) {
      options.addHeader(BusHeaders.PLANE, sender.headerValue());
    }
    Future<JsonObject> reply = vertx.eventBus().<JsonObject>request(address, new JsonObject(), options)
        .map(m -> m.body());
    try {
      return reply.await(5, TimeUnit.SECONDS).getString("served");
    } catch (ReplyException e) {
      return "failed " + e.failureCode() + ": " + e.getMessage();
    }
  }

  @Test
  void opsReachesOnlyTheWalletAddressesOpenToIt() throws Exception {
    assertEquals(BusAddress.HEALTH.address(), call(Plane.OPS, BusAddress.HEALTH.address()));
    assertEquals("failed 403: plane ops may not send to lucid.wallet.tron.status",
        call(Plane.OPS, BusAddress.TRON_STATUS.address()));
    assertEquals("failed 403: plane ops may not send to lucid.wallet.internal.queue",
        call(Plane.OPS, PRIVATE_WALLET_ADDRESS));
  }

  @Test
  void walletReachesItsOwnPlaneIncludingTheTronClientButNeverTheChainPlane() throws Exception {
    assertEquals(BusAddress.HEALTH.address(), call(Plane.WALLET, BusAddress.HEALTH.address()));
    assertEquals(BusAddress.TRON_STATUS.address(), call(Plane.WALLET, BusAddress.TRON_STATUS.address()));
    assertEquals(PRIVATE_WALLET_ADDRESS, call(Plane.WALLET, PRIVATE_WALLET_ADDRESS));
    assertEquals("failed 403: plane wallet may not send to lucid.chain.anchor", call(Plane.WALLET, CHAIN_ADDRESS));
  }

  @Test
  void chainNeverReachesTheWalletPlane() throws Exception {
    for (String address : new String[] {BusAddress.HEALTH.address(), BusAddress.TRON_STATUS.address(),
        PRIVATE_WALLET_ADDRESS}) {
      assertEquals("failed 403: plane chain may not send to " + address, call(Plane.CHAIN, address));
    }
    assertEquals(CHAIN_ADDRESS, call(Plane.CHAIN, CHAIN_ADDRESS));
  }

  @Test
  void aMessageThatDoesNotNameItsPlaneIsRefusedAndCounted() throws Exception {
    assertEquals("failed 403: plane unknown may not send to lucid.wallet.health", call(null, BusAddress.HEALTH.address()));
    assertEquals(1.0, metrics.counter("tron_bus_acl_denied_total",
        "sender_plane", "unknown", "address", BusAddress.HEALTH.address()).count());
  }

  @Test
  void planeBusStampsItsOwnPlaneWhateverTheCallerClaims() throws Exception {
    PlaneBus ops = new PlaneBus(vertx.eventBus(), Plane.OPS);
    CallContext claimsWallet = new CallContext(Plane.WALLET, "mallory", "admin", "req_1");
    Throwable denied = ops.request(BusAddress.TRON_STATUS, new JsonObject(), claimsWallet)
        .transform(ar -> Future.succeededFuture(ar.cause())).await(5, TimeUnit.SECONDS);
    ReplyException e = assertInstanceOf(ReplyException.class, denied);
    assertEquals(PlaneAcl.DENIED, e.failureCode());
    JsonObject ok = new PlaneBus(vertx.eventBus(), Plane.WALLET)
        .<JsonObject>request(BusAddress.TRON_STATUS, new JsonObject()).await(5, TimeUnit.SECONDS);
    assertEquals(BusAddress.TRON_STATUS.address(), ok.getString("served"));
  }

  @Test
  void everyCataloguedAddressLivesInItsReceiverPlaneNamespace() {
    for (BusAddress a : BusAddress.values()) {
      assertTrue(a.address().startsWith(a.receiver().addressPrefix()), a.name());
      assertTrue(a.senders().contains(a.receiver()), a.name() + " must be reachable from its own plane");
      assertTrue(!a.senders().contains(Plane.CHAIN), a.name() + " must not be open to the chain plane");
    }
  }
}
