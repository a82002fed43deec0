package com.lucid.payment.store;

import de.bwaldvogel.mongo.MongoServer;
import io.netty.handler.ssl.SslContext;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;

/**
 * Gives mongo-java-server a TLS context that requires a client certificate. Why reflection: the library's only TLS
 * entry point, {@code MongoServer.enableSsl(key, password, chain)}, builds a server context without client
 * authentication into the private field {@code sslContext}, and the channel initializer it installs on every accepted
 * connection puts {@code sslContext.newHandler(...)} first in the pipeline. Setting that field to our own context is
 * the one change needed, and it is isolated here. {@code MongoServerTlsTest} fails loudly if a new version of the
 * library renames the field or stops putting its handler in front of the wire protocol.
 */
final class MongoServerTls {
  static final String FIELD = "sslContext";

  private MongoServerTls() {}

  /** Installs {@code context} on a server that is not bound yet. */
  static void install(MongoServer server, SslContext context) {
    if (!context.isServer()) {
      throw new IllegalArgumentException("a server context is needed");
    }
    try {
      Field field = MongoServer.class.getDeclaredField(FIELD);
      if (field.getType() != SslContext.class) {
        throw new IllegalStateException("mongo-java-server's " + FIELD + " is a " + field.getType().getName()
            + ", not a Netty SslContext: this version is not supported, see MongoServerTls");
      }
      field.setAccessible(true);
      field.set(server, context);
    } catch (NoSuchFieldException | IllegalAccessException | InaccessibleObjectException e) {
      throw new IllegalStateException("cannot require TLS client certificates on mongo-java-server ("
          + e.getClass().getSimpleName() + "): this version is not supported, see MongoServerTls", e);
    }
  }
}
