package com.lucid.payment.tron.node;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The full-node HTTP client: the only place that opens connections to TRON. Nodes are tried in order; each has a
 * circuit breaker that counts transport errors, timeouts, 5xx, SERVER_BUSY and rate limiting; an open breaker sends
 * requests to the next node. With a SOCKS5 proxy configured every request goes through it, host names unresolved.
 */
public final class NodeClient {
  static final String API_KEY_HEADER = "TRON-PRO-API-KEY";
  private static final Logger LOG = Logger.getLogger(NodeClient.class.getName());

  private final WebClient web;
  private final List<Node> nodes = new ArrayList<>();
  private final NodeSettings settings;
  private final NodeMetrics metrics;

  /** One configured node: its URL, a label safe for logs and metrics (scheme, host, port), and its breaker. */
  private record Node(int index, String baseUrl, String label, CircuitBreaker breaker) {}

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
    for (int i = 0; i < settings.urls().size(); i++) {
      String url = settings.urls().get(i);
      String label = label(url);
      CircuitBreaker cb = CircuitBreaker.create("tron-node-" + (i + 1), vertx, breaker)
          .openHandler(v -> LOG.warning(() -> "TRON node " + label + ": circuit breaker open"))
          .halfOpenHandler(v -> LOG.info(() -> "TRON node " + label + ": circuit breaker half-open, trying it"))
          .closeHandler(v -> LOG.info(() -> "TRON node " + label + ": circuit breaker closed"));
      Node node = new Node(i, url, label, cb);
      nodes.add(node);
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
        NodeErrorType type = classify(done.cause());
        metrics.error(type, operation);
        failure = new CountedFailure(type, null);
      }
      reasons.append(reasons.length() == 0 ? "" : "; ").append("node ").append(i + 1).append(": ")
          .append(failure.type.label());
      return tryFrom(i + 1, end, operation, path, body, policy, reasons, failure);
    });
  }

  private void send(Node node, String operation, String path, JsonObject body, AnswerPolicy policy,
      Promise<Attempt> promise) {
    long started = System.nanoTime();
    var request = web.postAbs(node.baseUrl() + path)
        .timeout(settings.tuning().requestTimeoutMs())
        .putHeader("Content-Type", "application/json");
    settings.apiKey().ifPresent(key -> request.putHeader(API_KEY_HEADER, key.value()));
    request.sendBuffer(Buffer.buffer(body.encode())).onComplete(ar -> {
      metrics.latency(operation, System.nanoTime() - started);
      if (ar.failed()) {
        NodeErrorType type = classify(ar.cause());
        metrics.error(type, operation);
        promise.tryFail(new CountedFailure(type, null));
        return;
      }
      judge(ar.result(), operation, policy, promise);
    });
  }

  private void judge(HttpResponse<Buffer> response, String operation, AnswerPolicy policy, Promise<Attempt> promise) {
    int status = response.statusCode();
    NodeErrorType type = null;
    JsonObject json = null;
    if (status == 429 || status == 403) {
      type = NodeErrorType.RATE_LIMITED;
    } else if (status >= 500) {
      type = NodeErrorType.HTTP_5XX;
    } else if (status != 200) {
      type = NodeErrorType.BAD_RESPONSE;
    } else {
      json = parse(response.body());
      if (json == null) {
        type = NodeErrorType.BAD_RESPONSE;
      } else if (json.containsKey("Error")) {
        String error = NodeText.decode(String.valueOf(json.getValue("Error")));
        if (isRateLimit(error)) {
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

  private static JsonObject parse(Buffer body) {
    if (body == null || body.length() == 0) {
      return new JsonObject();
    }
    try {
      return new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  static boolean isRateLimit(String error) {
    String e = error.toLowerCase(Locale.ROOT);
    return e.contains("lack of computing resources") || e.contains("frequency limit");
  }

  private static NodeErrorType classify(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
        return NodeErrorType.TIMEOUT;
      }
    }
    return NodeErrorType.TRANSPORT;
  }

  /** scheme://host:port of a node URL: what logs, metrics and status show (never a path, query or user info). */
  static String label(String url) {
    URI uri = URI.create(url);
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return uri.getScheme() + "://" + uri.getHost() + ":" + port;
  }

  /** Each node's label and breaker state, in the configured order. */
  public List<NodeState> states() {
    return nodes.stream().map(n -> new NodeState(n.label(), n.breaker().state())).toList();
  }

  /** A node as the status report shows it. */
  public record NodeState(String url, CircuitBreakerState breaker) {
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
