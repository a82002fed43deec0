package com.lucid.payment.config;

import java.security.Provider;
import java.security.Security;

/**
 * Keeps the JDK's own crypto providers ahead of BouncyCastle for every lookup that names no provider, TLS first of all.
 * Why: trident's {@code SECP256K1}, when its class initializes, removes BouncyCastle and inserts it at position 1 of the
 * JVM's provider list, so from then on every TLS record of the JVM (the embedded store's, a node's https) is sealed by
 * BouncyCastle's pure-Java AES-GCM instead of the JDK's intrinsic one: under ingest that was a quarter of the service's
 * CPU. Here trident's initialization is triggered first (it runs once per JVM), then BouncyCastle is moved to the end,
 * where trident (which asks for "BC" by name) and the few algorithms only it has (Keccak) still find it.
 */
public final class JdkCryptoFirst {
  private static final String TRIDENT_CURVE = "org.tron.trident.crypto.SECP256K1";
  private static final String BOUNCY_CASTLE = "BC";

  private JdkCryptoFirst() {}

  /** Idempotent and cheap after the first call; call it before TLS contexts are built. */
  public static synchronized void ensure() {
    try {
      Class.forName(TRIDENT_CURVE, true, JdkCryptoFirst.class.getClassLoader());
    } catch (ClassNotFoundException absent) {
      // without trident nothing reorders the providers
    }
    Provider[] providers = Security.getProviders();
    Provider bc = Security.getProvider(BOUNCY_CASTLE);
    if (bc != null && providers[providers.length - 1] != bc) {
      Security.removeProvider(BOUNCY_CASTLE);
      Security.addProvider(bc);
    }
  }
}
