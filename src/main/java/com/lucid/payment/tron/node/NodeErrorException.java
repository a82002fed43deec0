package com.lucid.payment.tron.node;

/** A node answered HTTP 200 with an {@code Error} body: its real answer (bad input, validation), not an outage. */
public final class NodeErrorException extends RuntimeException {
  NodeErrorException(String operation, String nodeMessage) {
    super(operation + ": " + nodeMessage, null, false, false);
  }
}
