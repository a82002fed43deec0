package com.lucid.payment.api;

/** The brief's permissions. */
public enum Permission {
  CREATE("payment:create"), READ("payment:read"), LIST("payment:list"), STATS("payment:stats"),
  ADMIN("payment:admin");

  private final String scope;

  Permission(String scope) {
    this.scope = scope;
  }

  public String scope() {
    return scope;
  }
}
