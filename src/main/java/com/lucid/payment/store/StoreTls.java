package com.lucid.payment.store;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The embedded store's mutual TLS: two ephemeral key pairs made at each start and kept in memory only (never written,
 * never logged). The server presents its certificate (IP SAN 127.0.0.1, so the driver's host name check passes) and
 * requires the client's; the client presents its own and trusts only the server's. A local process that can reach
 * the port holds neither private key, so it can neither complete a handshake nor read what passes.
 */
final class StoreTls {
  private static final String PROTOCOL = "TLSv1.3";
  private static final String LOOPBACK = "127.0.0.1";
  /** Clocks stepping back a little must not make a fresh certificate "not yet valid". */
  private static final Duration BACKDATE = Duration.ofDays(1);
  /** RFC 5280 4.1.2.5's "no well-defined expiration": the keys die with the process, not on a date. */
  private static final Instant NO_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

  private record Identity(PrivateKey key, X509Certificate certificate) {}

  private final Identity server;
  private final Identity client;

  private StoreTls(Identity server, Identity client) {
    this.server = server;
    this.client = client;
  }

  /** Fresh key pairs and self-signed certificates for one run of the embedded store. */
  static StoreTls generate() {
    SecureRandom random = new SecureRandom();
    return new StoreTls(identity("embedded-store", true, random), identity("embedded-store-client", false, random));
  }

  /** The server side: its own identity, and exactly the client's certificate is trusted (no CA, no other client). */
  SslContext serverContext() {
    try {
      return SslContextBuilder.forServer(server.key(), server.certificate())
          .trustManager(client.certificate())
          .clientAuth(ClientAuth.REQUIRE)
          .protocols(PROTOCOL)
          .build();
    } catch (IOException e) {
      throw new IllegalStateException("cannot build the embedded store's TLS server context", e);
    }
  }

  /** The driver's side: presents the client certificate and trusts exactly the server's. */
  SSLContext clientContext() {
    try {
      char[] password = new char[0]; // an in-memory key store: nothing to protect it from
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("client", client.key(), password, new X509Certificate[] {client.certificate()});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, password);
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("server", server.certificate());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trusted);
      SSLContext context = SSLContext.getInstance(PROTOCOL);
      context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the embedded store's TLS client context", e);
    }
  }

  /** The server's certificate, for tests that check what a stranger is shown. */
  X509Certificate serverCertificate() {
    return server.certificate();
  }

  /** P-256: a handshake costs well under a millisecond, and the driver's pool keeps connections open. */
  private static Identity identity(String name, boolean loopbackServer, SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256, random);
      KeyPair pair = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=" + name);
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, random),
          Date.from(Instant.now().minus(BACKDATE)), Date.from(NO_EXPIRY), subject, pair.getPublic());
      if (loopbackServer) {
        builder.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(new GeneralName(GeneralName.iPAddress, LOOPBACK)));
      }
      X509Certificate certificate = new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      return new Identity(pair.getPrivate(), certificate);
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot generate the embedded store's TLS keys", e);
    }
  }
}
