package com.lucid.payment.bus;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The plane ACL of the brief, enforced at delivery by an inbound interceptor: ops reaches the wallet plane only on
 * catalogued addresses open to ops, chain never reaches the wallet plane, the wallet plane never reaches the chain
 * plane, and a message without a known plane is refused on any plane namespace. Denials fail with 403 and are audited.
 */
public final class PlaneAcl implements Handler<DeliveryContext<Object>> {
  /** The failure code of a denied request, as in HTTP. */
  public static final int DENIED = 403;
  private static final Logger AUDIT = Logger.getLogger("audit.bus");

  private final MeterRegistry metrics;

  private PlaneAcl(MeterRegistry metrics) {
    this.metrics = metrics;
  }

  /** Installs the ACL on a bus; call once per Vert.x instance, before any verticle is deployed. */
  public static void install(EventBus bus, MeterRegistry metrics) {
    bus.addInboundInterceptor(new PlaneAcl(metrics));
  }

  /** Whether a sender of the given plane may send to the address; empty plane means the sender did not say. */
  public static boolean allows(Optional<Plane> sender, String address) {
    Optional<Plane> receiver = Plane.ofAddress(address);
    if (receiver.isEmpty()) {
      return true; // reply addresses and Vert.x internals are outside the plane namespaces
    }
    if (sender.isEmpty()) {
      return false;
    }
    Optional<BusAddress> catalogued = BusAddress.of(address);
    if (catalogued.isPresent()) {
      return catalogued.get().senders().contains(sender.get());
    }
    return sender.get() == receiver.get(); // uncatalogued addresses are private to their own plane
  }

  @Override
  public void handle(DeliveryContext<Object> ctx) {
    Message<Object> message = ctx.message();
    String planeHeader = message.headers().get(BusHeaders.PLANE);
    Optional<Plane> sender = Plane.fromHeader(planeHeader);
    if (allows(sender, message.address())) {
      ctx.next();
      return;
    }
    String senderName = sender.map(Plane::headerValue).orElse("unknown");
    metrics.counter("tron_bus_acl_denied_total", "sender_plane", senderName, "address", message.address()).increment();
    AUDIT.warning(() -> "bus ACL denied: plane=" + senderName + " address=" + message.address()
        + " request_id=" + message.headers().get(BusHeaders.REQUEST_ID));
    if (message.replyAddress() != null) {
      message.fail(DENIED, "plane " + senderName + " may not send to " + message.address());
    }
  }
}
