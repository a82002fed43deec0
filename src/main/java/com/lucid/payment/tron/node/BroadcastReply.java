package com.lucid.payment.tron.node;

import io.vertx.core.json.JsonObject;

/**
 * A node's answer to broadcasthex.
 *
 * @param accepted result:true, pooled on that node
 * @param code the return code (SUCCESS when accepted and the node said none)
 * @param message decoded from hex when the node sent hex
 */
public record BroadcastReply(boolean accepted, String code, String message) {

  static BroadcastReply parse(JsonObject body) {
    boolean accepted = body.getBoolean("result", false);
    String code = body.getString("code", accepted ? "SUCCESS" : "OTHER_ERROR");
    return new BroadcastReply(accepted, code, NodeText.decode(body.getString("message")));
  }
}
