package com.lucid.payment.bus;

import com.lucid.payment.api.ApiFailure;
import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.concurrent.ThreadLocalRandom;

/** Who is calling, carried in bus headers: the sender's plane, the user, the role and the request id. */
public record CallContext(Plane plane, String userId, String role, String requestId) {

  /** A call the service makes on its own behalf (workers, health checks). */
  public static CallContext system(Plane plane) {
    return new CallContext(plane, "system", "service", newRequestId());
  }

  /**
   * A fresh request id: "req_" and 32 hex digits. Request ids only need to be unique, not secret, so they come from
   * ThreadLocalRandom: UUID.randomUUID() draws from the default SecureRandom, BouncyCastle's DRBG here, which hashes
   * and locks on every call, once per request and per bus call.
   */
  public static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "req_" + String.format("%016x%016x", random.nextLong(), random.nextLong());
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

  /** The caller's role; a call without a known one is refused. */
  public Role knownRole() {
    return Role.fromClaim(role).orElseThrow(() -> new ApiFailure(ErrorCode.FORBIDDEN, "the caller has no known role"));
  }

  /** The caller's user id; a call without one is refused. */
  public String knownUser() {
    if (userId == null || userId.isBlank()) {
      throw new ApiFailure(ErrorCode.UNAUTHENTICATED, "the caller has no user id");
    }
    return userId;
  }

  /** Reads the context a sender put on a message; the plane is trusted only because the ACL already checked it. */
  public static CallContext fromHeaders(MultiMap headers) {
    Plane plane = Plane.fromHeader(headers.get(BusHeaders.PLANE)).orElse(Plane.WALLET);
    return new CallContext(plane, headers.get(BusHeaders.USER_ID), headers.get(BusHeaders.ROLE),
        headers.get(BusHeaders.REQUEST_ID));
  }
}
