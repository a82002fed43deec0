package com.lucid.payment.bus;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;

/** A verticle's view of the bus: every request it sends is stamped with its own plane and the caller context. */
public final class PlaneBus {
  /** Default time a request may wait for its reply. */
  public static final long DEFAULT_TIMEOUT_MS = 30_000;

  private final EventBus bus;
  private final Plane plane;

  public PlaneBus(EventBus bus, Plane plane) {
    this.bus = bus;
    this.plane = plane;
  }

  public Plane plane() {
    return plane;
  }

  /** A request on the service's own behalf. */
  public <T> Future<T> request(BusAddress address, Object body) {
    return request(address, body, CallContext.system(plane));
  }

  /** A request on behalf of a caller; the plane of the context is replaced by this sender's plane. */
  public <T> Future<T> request(BusAddress address, Object body, CallContext caller) {
    CallContext stamped = new CallContext(plane, caller.userId(), caller.role(), caller.requestId());
    return bus.<T>request(address.address(), body, stamped.toDeliveryOptions(DEFAULT_TIMEOUT_MS)).map(Message::body);
  }
}
