package com.lucid.payment.tron.node;

import com.lucid.payment.config.ServiceConfig.TronNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The full-node HTTP client: the only place that opens connections to TRON. Nodes are tried in order; a /walletsolidity
 * path goes to the node's solidity URL, every other path to its full-node URL. Each node has one circuit breaker that
 * counts transport errors, timeouts, 5xx, SERVER_BUSY and rate limiting on either URL; an open breaker sends requests
 * to the next node. One breaker per node, not per URL: a node is one operator's java-tron process whose two ports fail
 * together when it fails, a gateway's two APIs are one URL, and a node shown lying on one API is not believed on the
 * other. A URL that answers 404 or 405 serves the other API (a wrong port): that is not counted, the next node is
 * tried, and it is logged once. With a SOCKS5 proxy configured every request goes through it, host names unresolved.
 */
public final class NodeClient {
  static final String API_KEY_HEADER = "TRON-PRO-API-KEY";
  private static final Logger LOG = Logger.getLogger(NodeClient.class.getName());

  private final WebClient web;
  private final List<Node> nodes = new ArrayList<>();
  private final NodeSettings settings;
  private final NodeMetrics metrics;
  /** Node and API pairs whose wrong-port answer was logged, so that it is logged once, not every second. */
  private final Set<String> wrongApiLogged = ConcurrentHashMap.newKeySet();

  /** One configured node: its URLs, labels safe for logs and metrics (scheme, host, port), and its breaker. */
  private record Node(int index, TronNode urls, String label, String solidityLabel, CircuitBreaker breaker) {
    String base(String path) {
      return NodeWire.isSolidityPath(path) ? urls.solidityUrl() : urls.fullUrl();
    }

    String labelFor(String path) {
      return NodeWire.isSolidityPath(path) ? solidityLabel : label;
    }
  }

  /** What one node's attempt gave, when the breaker saw no failure. */
  private record Attempt(JsonObject body, NodeErrorType skip, String nodeError) {}

  /** A failure the node's breaker counts. */
  private static final class CountedFailure extends RuntimeException {
    private final NodeErrorType type;
    private final transient JsonObject body;

    CountedFailure(NodeErrorType type, JsonObject body) {
      super(type.label(), null, false, false);
      this.type = type;
      this.body = body;
    }
  }

  /**
   * A raw answer, for the start-up check of what each URL serves.
   *
   * @param json the body when it is a JSON object, else null
   */
  public record Probe(int status, String contentType, JsonObject json) {}

  public NodeClient(Vertx vertx, NodeSettings settings, MeterRegistry registry) {
    if (settings.torOnly() && settings.proxy().isEmpty()) {
      throw new IllegalStateException("TOR_ONLY is set but no proxy is configured: no direct TRON client is built");
    }
    this.settings = settings;
    this.web = WebClient.create(vertx, webOptions(settings));
    this.metrics = new NodeMetrics(registry);
    CircuitBreakerOptions breaker = new CircuitBreakerOptions()
        .setMaxFailures(settings.tuning().breakerMaxFailures())
        .setResetTimeout(settings.tuning().breakerResetMs())
        .setTimeout((long) settings.tuning().connectTimeoutMs() + settings.tuning().requestTimeoutMs())
        .setNotificationAddress(null);
    for (int i = 0; i < settings.nodes().size(); i++) {
      TronNode urls = settings.nodes().get(i);
      String label = NodeWire.label(urls.fullUrl());
      CircuitBreaker cb = CircuitBreaker.create("tron-node-" + (i + 1), vertx, breaker)
          .openHandler(v -> LOG.warning(() -> "TRON node " + label + ": circuit breaker open"))
          .halfOpenHandler(v -> LOG.info(() -> "TRON node " + label + ": circuit breaker half-open, trying it"))
          .closeHandler(v -> LOG.info(() -> "TRON node " + label + ": circuit breaker closed"));
      nodes.add(new Node(i, urls, label, NodeWire.label(urls.solidityUrl()), cb));
      metrics.breakerGauge(label, () -> cb.state());
    }
  }

  /**
   * An https node's certificate chain and host name are checked against the URL's host, through the SOCKS tunnel
   * too (the proxy only relays bytes; TLS runs end to end), and SNI names that host even when it has no dot.
   */
  private static WebClientOptions webOptions(NodeSettings settings) {
    WebClientOptions options = new WebClientOptions()
        .setConnectTimeout(settings.tuning().connectTimeoutMs())
        .setIdleTimeout(settings.tuning().idleTimeoutMs())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setKeepAlive(true)
        .setUserAgent("tron-payment-service")
        .setFollowRedirects(false)
        .setTrustAll(false)
        .setVerifyHost(true)
        .setForceSni(true);
    settings.caFile().ifPresent(ca -> options.setTrustOptions(new PemTrustOptions().addCertPath(ca.toString())));
    settings.proxy().ifPresent(p -> options.setProxyOptions(
        new ProxyOptions().setType(ProxyType.SOCKS5).setHost(p.host()).setPort(p.port())));
    return options;
  }

  /** POSTs a JSON body to the first node that gives a usable answer. */
  public Future<NodeAnswer> post(String operation, String path, JsonObject body) {
    return post(operation, path, body, AnswerPolicy.ANY);
  }

  /** POSTs with a policy that judges the answers (e.g. a busy broadcast sends us to the next node). */
  public Future<NodeAnswer> post(String operation, String path, JsonObject body, AnswerPolicy policy) {
    return tryFrom(0, nodes.size(), operation, path, body, policy, new StringBuilder(), null);
  }

  /** POSTs to one node only: for a follow-up that must see the same node's view as an earlier answer. */
  public Future<NodeAnswer> postTo(int node, String operation, String path, JsonObject body) {
    return tryFrom(node, node + 1, operation, path, body, AnswerPolicy.ANY, new StringBuilder(), null);
  }

  /**
   * POSTs the path to one of a node's two URLs (its solidity URL when {@code solidityUrl}, whatever API the path is
   * of), past its breaker and without judging the answer: status, type, body. For the start-up check of what each
   * URL serves.
   */
  public Future<Probe> probe(int node, boolean solidityUrl, String path, JsonObject body) {
    TronNode urls = nodes.get(node).urls();
    return request(solidityUrl ? urls.solidityUrl() : urls.fullUrl(), path, body).map(r -> new Probe(r.statusCode(),
        Optional.ofNullable(r.getHeader("Content-Type")).orElse(""), NodeWire.parse(r.body())));
  }

  private Future<NodeAnswer> tryFrom(int i, int end, String operation, String path, JsonObject body,
      AnswerPolicy policy, StringBuilder reasons, CountedFailure last) {
    if (i >= end) {
      metrics.error(NodeErrorType.UNAVAILABLE, operation);
      NodeErrorType type = last == null ? NodeErrorType.UNAVAILABLE : last.type;
      return Future.failedFuture(new NodeUnavailableException(operation, reasons.toString(), type,
          last == null ? null : last.body));
    }
    Node node = nodes.get(i);
    Future<Attempt> attempt = node.breaker().execute(promise -> send(node, operation, path, body, policy, promise));
    return attempt.transform(done -> {
      if (done.succeeded() && done.result().body() != null) {
        return Future.succeededFuture(new NodeAnswer(done.result().body(), node.index()));
      }
      if (done.succeeded() && done.result().nodeError() != null) {
        return Future.failedFuture(new NodeErrorException(operation, done.result().nodeError()));
      }
      CountedFailure failure;
      if (done.succeeded()) {
        failure = new CountedFailure(done.result().skip(), null);
      } else if (done.cause() instanceof CountedFailure counted) {
        failure = counted;
      } else if (done.cause() instanceof OpenCircuitException) {
        metrics.error(NodeErrorType.BREAKER_OPEN, operation);
        failure = new CountedFailure(NodeErrorType.BREAKER_OPEN, null);
      } else {
        // the breaker's own timeout, or an exception thrown while sending
        NodeErrorType type = NodeWire.classify(done.cause());
        metrics.error(type, operation);
        failure = new CountedFailure(type, null);
      }
      reasons.append(reasons.length() == 0 ? "" : "; ").append("node ").append(i + 1).append(": ")
          .append(failure.type.label());
      return tryFrom(i + 1, end, operation, path, body, policy, reasons, failure);
    });
  }

  private Future<HttpResponse<Buffer>> request(String base, String path, JsonObject body) {
    var request = web.postAbs(base + path)
        .timeout(settings.tuning().requestTimeoutMs())
        .putHeader("Content-Type", "application/json");
    settings.apiKey().ifPresent(key -> request.putHeader(API_KEY_HEADER, key.value()));
    return request.sendBuffer(Buffer.buffer(body.encode()));
  }

  private void send(Node node, String operation, String path, JsonObject body, AnswerPolicy policy,
      Promise<Attempt> promise) {
    long started = System.nanoTime();
    request(node.base(path), path, body).onComplete(ar -> {
      metrics.latency(operation, System.nanoTime() - started);
      if (ar.failed()) {
        NodeErrorType type = NodeWire.classify(ar.cause());
        metrics.error(type, operation);
        promise.tryFail(new CountedFailure(type, null));
        return;
      }
      judge(node, path, ar.result(), operation, policy, promise);
    });
  }

  private void judge(Node node, String path, HttpResponse<Buffer> response, String operation, AnswerPolicy policy,
      Promise<Attempt> promise) {
    int status = response.statusCode();
    NodeErrorType type = null;
    JsonObject json = null;
    if (status == 429 || status == 403) {
      type = NodeErrorType.RATE_LIMITED;
    } else if (status >= 500) {
      type = NodeErrorType.HTTP_5XX;
    } else if (status != 200) {
      type = NodeErrorType.BAD_RESPONSE;
      if (status == 404 || status == 405) {
        wrongApi(node, path, status);
      }
    } else {
      json = NodeWire.parse(response.body());
      if (json == null) {
        type = NodeErrorType.BAD_RESPONSE;
      } else if (json.containsKey("Error")) {
        String error = NodeText.decode(String.valueOf(json.getValue("Error")));
        if (NodeWire.isRateLimit(error)) {
          type = NodeErrorType.RATE_LIMITED;
        } else {
          metrics.error(NodeErrorType.NODE_ERROR, operation);
          promise.tryComplete(new Attempt(null, null, error));
          return;
        }
      } else {
        type = policy.judge(json).orElse(null);
      }
    }
    if (type == null) {
      promise.tryComplete(new Attempt(json, null, null));
      return;
    }
    metrics.error(type, operation);
    if (type.countedByBreaker()) {
      promise.tryFail(new CountedFailure(type, json));
    } else {
      promise.tryComplete(new Attempt(null, type, null));
    }
  }

  private void wrongApi(Node node, String path, int status) {
    boolean solidity = NodeWire.isSolidityPath(path);
    if (wrongApiLogged.add(node.index() + (solidity ? "/walletsolidity" : "/wallet"))) {
      LOG.warning(() -> "TRON node " + (node.index() + 1) + " (" + node.labelFor(path) + ") answers HTTP " + status
          + " to " + path + ": that URL does not serve " + (solidity ? "/walletsolidity" : "/wallet")
          + "; check TRON_NODE_URL (FULL_URL|SOLIDITY_URL per node)");
    }
  }

  /**
   * Records that a node's answer is not believed (it contradicts itself or what the node said before): its breaker
   * counts it like an outage, so a node that keeps lying is skipped while payouts wait.
   */
  public void distrust(int node, String operation, String why) {
    Node n = nodes.get(node);
    metrics.error(NodeErrorType.INCONSISTENT, operation);
    LOG.warning(() -> "TRON node " + n.label() + " is not believed (" + operation + "): " + why);
    n.breaker().<Attempt>execute(p -> p.fail(new CountedFailure(NodeErrorType.INCONSISTENT, null)))
        .onFailure(ignored -> { });
  }

  /** Each node's labels and breaker state, in the configured order. */
  public List<NodeState> states() {
    return nodes.stream().map(n -> new NodeState(n.label(), n.solidityLabel(), n.breaker().state())).toList();
  }

  /** A node as the status report shows it: its full-node and solidity URLs (scheme, host, port), and its breaker. */
  public record NodeState(String url, String solidityUrl, CircuitBreakerState breaker) {
    public String breakerName() {
      return breaker.name().toLowerCase(Locale.ROOT);
    }
  }

  public int nodeCount() {
    return nodes.size();
  }

  public Optional<String> proxy() {
    return settings.proxy().map(Object::toString);
  }

  public void close() {
    nodes.forEach(n -> n.breaker().close());
    metrics.close();
    web.close();
  }
}
