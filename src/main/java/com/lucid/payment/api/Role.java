package com.lucid.payment.api;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The roles of PRODUCT.md section 2 and what each may do: its permissions, whether it may use the KYC router and
 * batches, and whether it sees everyone's payouts or only its own.
 */
public enum Role {
  ADMIN(EnumSet.allOf(Permission.class), true, true, true),
  SERVICE(EnumSet.of(Permission.CREATE, Permission.READ, Permission.LIST, Permission.STATS), true, true, true),
  NODE_OPERATOR(EnumSet.of(Permission.CREATE, Permission.READ, Permission.LIST), true, true, false),
  END_USER(EnumSet.of(Permission.CREATE, Permission.READ, Permission.LIST), false, false, false);

  private final Set<Permission> permissions;
  private final boolean kycRouter;
  private final boolean batches;
  private final boolean seesAll;

  Role(Set<Permission> permissions, boolean kycRouter, boolean batches, boolean seesAll) {
    this.permissions = Set.copyOf(permissions);
    this.kycRouter = kycRouter;
    this.batches = batches;
    this.seesAll = seesAll;
  }

  public boolean has(Permission p) {
    return permissions.contains(p);
  }

  public boolean mayUseKycRouter() {
    return kycRouter;
  }

  public boolean mayCreateBatches() {
    return batches;
  }

  /** Admin and service see every payout; the others only those they created (anything else is a 404). */
  public boolean seesAllPayouts() {
    return seesAll;
  }

  public String claim() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads the JWT `role` claim: the lower-case name, or the Lucid auth service's upper-case one, exactly. Never folded
   * (Unicode case folding makes "admın", with a dotless i, equal to "ADMIN").
   */
  public static Optional<Role> fromClaim(String claim) {
    if (claim == null) {
      return Optional.empty();
    }
    for (Role r : values()) {
      if (r.claim().equals(claim) || r.name().equals(claim)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
