package com.lucid.payment.bus;

import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.UUID;

/** Who is calling, carried in bus headers: the sender's plane, the user, the role and the request id. */
public record CallContext(Plane plane, String userId, String role, String requestId) {

  /** A call the service makes on its own behalf (workers, health checks). */
  public static CallContext system(Plane plane) {
    return new CallContext(plane, "system", "service", "req_" + UUID.randomUUID().toString().replace("-", ""));
  }

  DeliveryOptions toDeliveryOptions(long timeoutMs) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMs)
        .addHeader(BusHeaders.PLANE, plane.headerValue())
        .addHeader(BusHeaders.REQUEST_ID, requestId);
    if (userId != null) {
      options.addHeader(BusHeaders.USER_ID, userId);
    }
    if (role != null) {
      options.addHeader(BusHeaders.ROLE, role);
    }
    return options;
  }

  /** Reads the context a sender put on a message; the plane is trusted only because the ACL already checked it. */
  public static CallContext fromHeaders(MultiMap headers) {
    Plane plane = Plane.fromHeader(headers.get(BusHeaders.PLANE)).orElse(Plane.WALLET);
    return new CallContext(plane, headers.get(BusHeaders.USER_ID), headers.get(BusHeaders.ROLE),
        headers.get(BusHeaders.REQUEST_ID));
  }
}
