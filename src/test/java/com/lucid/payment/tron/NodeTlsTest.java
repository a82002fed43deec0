package com.lucid.payment.tron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lucid.payment.config.ServiceConfig;
import com.lucid.payment.testing.TestCertificates;
import com.lucid.payment.tron.node.NodeAnswer;
import com.lucid.payment.tron.node.NodeClient;
import com.lucid.payment.tron.node.NodeErrorType;
import com.lucid.payment.tron.node.NodeSettings;
import com.lucid.payment.tron.node.NodeUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An https node reached through a real SOCKS5 proxy (microsocks, whose outgoing connections come from 127.0.0.2):
 * its certificate chain and host name are checked end to end through the tunnel, SNI names the URL's host, and
 * TRON_NODE_CA_FILE lets a private node's own CA vouch for it. A refused node never sees a request.
 */
@Timeout(30)
class NodeTlsTest {
  private static final String HOST = "localhost"; // what microsocks resolves; a certificate names it or not

  @TempDir Path dir;
  private Vertx vertx;
  private Microsocks proxy;
  private HttpServer node;
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    proxy = Microsocks.start("127.0.0.2");
  }

  @AfterEach
  void tearDown() throws Exception {
    proxy.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** A node over https with the given certificate; each request it serves is recorded as "SNI from-address". */
  private String serve(TestCertificates.Issued certificate) throws Exception {
    HttpServerOptions options = new HttpServerOptions().setSsl(true).setSni(true).setKeyCertOptions(
        new PemKeyCertOptions().setKeyValue(Buffer.buffer(certificate.keyPem()))
            .setCertValue(Buffer.buffer(certificate.certificatePem())));
    node = vertx.createHttpServer(options).requestHandler(request -> {
      seen.add(request.connection().indicatedServerName() + " " + request.remoteAddress().host());
      request.response().putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("blockID", "00").encode());
    });
    int port = node.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
    return "https://" + HOST + ":" + port;
  }

  private NodeAnswer ask(String url, Optional<Path> caFile) throws Exception {
    NodeSettings settings = new NodeSettings(List.of(ServiceConfig.TronNode.of(url)), Optional.empty(),
        Optional.of(new ServiceConfig.SocksProxy("127.0.0.1", proxy.port())), true,
        new ServiceConfig.Nodes(5_000, 60_000, 5_000, 5, 30_000), caFile);
    NodeClient client = new NodeClient(vertx, settings, new SimpleMeterRegistry());
    try {
      return client.post("getnowblock", "/wallet/getnowblock", new JsonObject()).await(20, TimeUnit.SECONDS);
    } finally {
      client.close();
    }
  }

  private void assertRefused(String url, Optional<Path> caFile) {
    Exception e = assertThrows(Exception.class, () -> ask(url, caFile));
    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
    assertInstanceOf(NodeUnavailableException.class, cause, String.valueOf(cause));
    assertEquals(NodeErrorType.TRANSPORT, ((NodeUnavailableException) cause).lastError());
    assertEquals(List.of(), seen, "the node never saw a request");
  }

  @Test
  void aNodeWhoseCertificateNoTrustedCaSignedIsRefused() throws Exception {
    String url = serve(TestCertificates.selfSigned("node", HOST));
    assertRefused(url, Optional.empty());
  }

  @Test
  void aNodeWhoseCertificateNamesAnotherHostIsRefusedEvenWhenItsCaIsTrusted() throws Exception {
    TestCertificates.Issued ca = TestCertificates.authority("private-node-ca");
    String url = serve(TestCertificates.issuedBy(ca, "node", "node.example"));
    assertRefused(url, Optional.of(ca.writeCertificate(dir.resolve("ca.pem"))));
  }

  @Test
  void aNodeVouchedForByTheCaFileIsReachedThroughTheTunnelWithSni() throws Exception {
    TestCertificates.Issued ca = TestCertificates.authority("private-node-ca");
    String url = serve(TestCertificates.issuedBy(ca, "node", HOST));
    NodeAnswer answer = ask(url, Optional.of(ca.writeCertificate(dir.resolve("ca.pem"))));
    assertEquals("00", answer.body().getString("blockID"));
    assertEquals(List.of(HOST + " 127.0.0.2"), seen, "SNI named the URL's host; the request came through the proxy");
  }

  @Test
  void aCaFileOfAnotherAuthorityDoesNotVouchForTheNode() throws Exception {
    TestCertificates.Issued other = TestCertificates.authority("another-ca");
    String url = serve(TestCertificates.issuedBy(TestCertificates.authority("node-ca"), "node", HOST));
    assertRefused(url, Optional.of(other.writeCertificate(dir.resolve("other.pem"))));
  }
}
