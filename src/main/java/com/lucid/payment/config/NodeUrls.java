package com.lucid.payment.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * TRON_NODE_URL, TRON_NODE_CA_FILE and TOR_PROXY: how full nodes are reached. On mainnet, shasta and nile a node URL is https (its certificate and host name
 * checked, through the SOCKS tunnel too) or http to a .onion address (Tor authenticates the onion service end to end):
 * plain http to anything else lets a Tor exit or any hop rewrite the chain's answers and read TRON-PRO-API-KEY.
 */
final class NodeUrls {
  static final String URL_VARIABLE = "TRON_NODE_URL";
  static final String CA_VARIABLE = "TRON_NODE_CA_FILE";
  private static final String PEM_CERTIFICATE = "-----BEGIN CERTIFICATE-----";

  private NodeUrls() {}

  /** The comma-separated URLs, without trailing slashes, each allowed on {@code network}. */
  static List<String> parse(String csv, TronNetwork network) {
    List<String> urls = new ArrayList<>();
    for (String raw : csv.split(",")) {
      String url = raw.trim();
      URI uri;
      try {
        uri = new URI(url);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
          throw new URISyntaxException(url, "not http(s)");
        }
      } catch (URISyntaxException e) {
        throw new ConfigException(URL_VARIABLE, "'" + url + "' is not an http:// or https:// URL");
      }
      if (network != TronNetwork.DEVNET && "http".equals(uri.getScheme()) && !isOnion(uri.getHost())) {
        // scheme and host only: a path or query may carry a provider's key
        throw new ConfigException(URL_VARIABLE, "http://" + uri.getHost() + " is plain http on "
            + network.configName() + ": use https://, or http:// to a .onion address");
      }
      urls.add(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }
    return List.copyOf(urls);
  }

  /** TOR_PROXY: the SOCKS5 endpoint every TRON request goes through. */
  static ServiceConfig.SocksProxy socksProxy(String value) {
    try {
      URI uri = new URI(value);
      if ("socks5".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0 && uri.getPort() <= 65535) {
        return new ServiceConfig.SocksProxy(uri.getHost(), uri.getPort());
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ConfigException("TOR_PROXY", "'" + value + "' is not of the form socks5://host:port");
  }

  private static boolean isOnion(String host) {
    return host.toLowerCase(Locale.ROOT).endsWith(".onion");
  }

  /**
   * A PEM file of the CA certificates node connections trust instead of the JVM's (for private nodes with a CA of
   * their own); it must exist and hold at least one certificate, so a typo stops start-up rather than every request.
   */
  static Optional<Path> caFile(Env env) {
    Optional<Path> file = env.get(CA_VARIABLE).map(Path::of);
    file.ifPresent(NodeUrls::checkCaFile);
    return file;
  }

  private static void checkCaFile(Path file) {
    try {
      if (!Files.readString(file, StandardCharsets.ISO_8859_1).contains(PEM_CERTIFICATE)) {
        throw new ConfigException(CA_VARIABLE, "file " + file + " holds no PEM certificate (" + PEM_CERTIFICATE + ")");
      }
      try (InputStream in = Files.newInputStream(file)) {
        CertificateFactory.getInstance("X.509").generateCertificates(in);
      }
    } catch (IOException e) {
      throw new ConfigException(CA_VARIABLE, "file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    } catch (CertificateException e) {
      throw new ConfigException(CA_VARIABLE, "file " + file + " holds a certificate that cannot be parsed");
    }
  }
}
