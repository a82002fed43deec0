package com.lucid.payment.tron.node;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** What the node client reads off the wire: bodies, transport failures, rate-limit texts, and URLs safe to show. */
final class NodeWire {
  /** java-tron serves these paths on its solidity port only, and every other path on its full-node port only. */
  static final String SOLIDITY_PREFIX = "/walletsolidity/";

  private NodeWire() {}

  /** The JSON object of a body; an empty object for an empty body; null when it is not a JSON object. */
  static JsonObject parse(Buffer body) {
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

  static NodeErrorType classify(Throwable error) {
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

  static boolean isSolidityPath(String path) {
    return path.startsWith(SOLIDITY_PREFIX);
  }
}
