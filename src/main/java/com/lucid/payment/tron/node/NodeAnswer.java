package com.lucid.payment.tron.node;

import io.vertx.core.json.JsonObject;

/**
 * A usable answer and the node that gave it.
 *
 * @param node index of the answering node in the configured order (for follow-up calls pinned to it)
 */
public record NodeAnswer(JsonObject body, int node) {}
