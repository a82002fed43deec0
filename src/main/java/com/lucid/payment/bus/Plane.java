package com.lucid.payment.bus;

import java.util.Locale;
import java.util.Optional;

/** The isolation planes of the brief; every bus message names its sender's plane in the {@link BusHeaders#PLANE} header. */
public enum Plane {
  OPS, WALLET, CHAIN;

  /** Address prefix of the consumers that live in this plane. */
  public String addressPrefix() {
    return "lucid." + headerValue() + ".";
  }

  public String headerValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Plane> fromHeader(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (Plane p : values()) {
      if (p.headerValue().equals(value)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The plane whose namespace an address is in, if it is in one. */
  public static Optional<Plane> ofAddress(String address) {
    for (Plane p : values()) {
      if (address.startsWith(p.addressPrefix())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
