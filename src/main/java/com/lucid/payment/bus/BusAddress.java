package com.lucid.payment.bus;

import java.util.EnumSet;
import java.util.Set;

/**
 * The catalogue of every event-bus address the service serves: who may send to it, and the shape of the request and
 * the reply. Addresses live in their receiver's plane namespace ({@code lucid.<plane>.}).
 */
public enum BusAddress {
  HEALTH("lucid.wallet.health", EnumSet.of(Plane.OPS, Plane.WALLET),
      "{} (empty JsonObject)",
      "JsonObject {status: healthy|degraded|unhealthy, checks: {store, tron, ...}}"),
  TRON_STATUS("lucid.wallet.tron.status", EnumSet.of(Plane.WALLET),
      "{} (empty JsonObject)",
      "JsonObject {status: up|down|not_configured, network, ...}");

  private final String address;
  private final Set<Plane> senders;
  private final String request;
  private final String reply;

  BusAddress(String address, Set<Plane> senders, String request, String reply) {
    this.address = address;
    this.senders = Set.copyOf(senders);
    this.request = request;
    this.reply = reply;
  }

  public String address() {
    return address;
  }

  /** The planes allowed to send to this address. */
  public Set<Plane> senders() {
    return senders;
  }

  public String requestShape() {
    return request;
  }

  public String replyShape() {
    return reply;
  }

  public Plane receiver() {
    return Plane.ofAddress(address).orElseThrow();
  }

  public static java.util.Optional<BusAddress> of(String address) {
    for (BusAddress a : values()) {
      if (a.address.equals(address)) {
        return java.util.Optional.of(a);
      }
    }
    return java.util.Optional.empty();
  }
}
