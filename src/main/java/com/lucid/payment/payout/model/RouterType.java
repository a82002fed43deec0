package com.lucid.payment.payout.model;

import java.util.Optional;

/** The two payout routers of the brief: non-KYC end users, and KYC-verified node workers. */
public enum RouterType {
  PayoutRouterV0, PayoutRouterKYC;

  public static Optional<RouterType> fromApi(String value) {
    for (RouterType r : values()) {
      if (r.name().equals(value)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
