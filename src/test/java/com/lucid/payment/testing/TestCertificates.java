package com.lucid.payment.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys and X.509 certificates made for one test (P-256, BouncyCastle), with PEM text for servers and trust files. */
public final class TestCertificates {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestCertificates() {}

  /** A private key with its certificate. */
  public record Issued(PrivateKey key, X509Certificate certificate) {
    /** The certificate as PEM. */
    public String certificatePem() {
      try {
        return pem("CERTIFICATE", certificate.getEncoded());
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The key as PKCS#8 PEM. */
    public String keyPem() {
      return pem("PRIVATE KEY", key.getEncoded());
    }

    /** Writes the certificate as a PEM file (a trust file, e.g. TRON_NODE_CA_FILE). */
    public Path writeCertificate(Path file) throws IOException {
      return Files.writeString(file, certificatePem(), StandardCharsets.US_ASCII);
    }
  }

  /** A certificate authority of its own (self-signed, CA:true). */
  public static Issued authority(String name) {
    KeyPair pair = keyPair();
    return new Issued(pair.getPrivate(), build(name, pair.getPublic(), name, pair.getPrivate(), true, null));
  }

  /** A self-signed leaf for the given DNS names and IP addresses (e.g. "localhost", "127.0.0.1"). */
  public static Issued selfSigned(String name, String... hosts) {
    KeyPair pair = keyPair();
    return new Issued(pair.getPrivate(), build(name, pair.getPublic(), name, pair.getPrivate(), false, hosts));
  }

  /** A leaf for the given hosts, signed by {@code issuer}. */
  public static Issued issuedBy(Issued issuer, String name, String... hosts) {
    KeyPair pair = keyPair();
    String issuerName = issuer.certificate().getSubjectX500Principal().getName();
    return new Issued(pair.getPrivate(), build(name, pair.getPublic(), issuerName, issuer.key(), false, hosts));
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate build(String subject, PublicKey key, String issuer, PrivateKey signer,
      boolean authority, String[] hosts) {
    try {
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(x500(issuer),
          new BigInteger(64, RANDOM), Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))),
          x500(subject), key);
      if (authority) {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      }
      if (hosts != null && hosts.length > 0) {
        GeneralName[] names = new GeneralName[hosts.length];
        for (int i = 0; i < hosts.length; i++) {
          boolean ip = hosts[i].matches("[0-9.]+");
          names[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, hosts[i]);
        }
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      }
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X500Name x500(String name) {
    return new X500Name(name.contains("=") ? name : "CN=" + name);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
