package com.lucid.payment.devnet;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** A node request's parameters: the JSON body of a POST, the query string of a GET. */
final class NodeRequest {
  private final JsonObject params;
  private final boolean visible;
  /** The POST body as sent, where java-tron's parser errors point; null for a GET. */
  private final String text;

  private NodeRequest(JsonObject params, boolean visible, String text) {
    this.params = params;
    this.visible = visible;
    this.text = text;
  }

  /** Parameters from the body (POST) or query (GET); `visible` from either. */
  static NodeRequest of(RoutingContext ctx) {
    boolean post = ctx.request().method() == HttpMethod.POST;
    JsonObject params = post ? body(ctx) : query(ctx);
    Object visible = params.getValue("visible", ctx.request().getParam("visible"));
    return new NodeRequest(params, isTrue(visible), post ? ctx.body().asString() : null);
  }

  /** For endpoints that read only `visible`, and only from the query string (getnowblock). */
  static NodeRequest queryOnly(RoutingContext ctx) {
    return new NodeRequest(query(ctx), isTrue(ctx.request().getParam("visible")), null);
  }

  private static JsonObject body(RoutingContext ctx) {
    String text = ctx.body().asString();
    if (text == null || text.isBlank()) {
      return new JsonObject();
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw InvalidInput.json("syntax error, " + e.getMessage());
    }
  }

  private static JsonObject query(RoutingContext ctx) {
    JsonObject params = new JsonObject();
    MultiMap query = ctx.queryParams();
    query.names().forEach(name -> params.put(name, query.get(name)));
    return params;
  }

  private static boolean isTrue(Object value) {
    return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString());
  }

  boolean visible() {
    return visible;
  }

  JsonObject params() {
    return params;
  }

  Fields fields() {
    return new Fields(params, visible);
  }

  String string(String key) {
    Object value = params.getValue(key);
    return value == null ? null : value.toString();
  }

  boolean flag(String key) {
    return isTrue(params.getValue(key));
  }

  /** The address in `key`, or null when absent or empty. */
  TronAddress address(String key) {
    String value = string(key);
    try {
      return value == null || value.isEmpty() ? null : TronAddress.parse(value, visible);
    } catch (InvalidInput e) {
      throw located(key, e);
    }
  }

  /** The bytes of the hex string in `key` (empty when absent). */
  com.google.protobuf.ByteString hex(String key) {
    try {
      return fields().bytes(key);
    } catch (InvalidInput e) {
      throw located(key, e);
    }
  }

  /**
   * A parse failure with java-tron's position of the value it could not read ("1:12: INVALID hex
   * String"): line and column, from 1, in the body as sent.
   */
  InvalidInput located(String key, InvalidInput e) {
    int at = text == null || !e.isParse() ? -1 : text.indexOf("\"" + key + "\"");
    int colon = at < 0 ? -1 : text.indexOf(':', at + key.length() + 2);
    if (colon < 0) {
      return e;
    }
    int value = colon + 1;
    while (value < text.length() && Character.isWhitespace(text.charAt(value))) {
      value++;
    }
    int line = 1;
    int column = 1;
    for (int i = 0; i < value; i++) {
      boolean newline = text.charAt(i) == '\n';
      line += newline ? 1 : 0;
      column = newline ? 1 : column + 1;
    }
    String detail = e.errorText().substring(e.errorText().indexOf(" : ") + 3);
    return InvalidInput.parse(line + ":" + column + ": " + detail);
  }
}
