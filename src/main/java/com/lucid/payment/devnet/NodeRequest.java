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

  private NodeRequest(JsonObject params, boolean visible) {
    this.params = params;
    this.visible = visible;
  }

  /** Parameters from the body (POST) or query (GET); `visible` from either. */
  static NodeRequest of(RoutingContext ctx) {
    JsonObject params = ctx.request().method() == HttpMethod.POST ? body(ctx) : query(ctx);
    Object visible = params.getValue("visible", ctx.request().getParam("visible"));
    return new NodeRequest(params, isTrue(visible));
  }

  /** For endpoints that read only `visible`, and only from the query string (getnowblock). */
  static NodeRequest queryOnly(RoutingContext ctx) {
    return new NodeRequest(query(ctx), isTrue(ctx.request().getParam("visible")));
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
    return value == null || value.isEmpty() ? null : TronAddress.parse(value, visible);
  }
}
