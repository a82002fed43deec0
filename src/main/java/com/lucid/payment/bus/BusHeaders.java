package com.lucid.payment.bus;

/** Header names every bus request carries; the same caller context the gateway derives from HTTP. */
public final class BusHeaders {
  /** The sender's plane: ops, wallet or chain. */
  public static final String PLANE = "lucid-plane";
  /** The authenticated user on whose behalf the call is made. */
  public static final String USER_ID = "lucid-user-id";
  /** That user's role (admin, service, node_operator, end_user). */
  public static final String ROLE = "lucid-role";
  /** The request id, echoed in replies and audit events. */
  public static final String REQUEST_ID = "lucid-request-id";

  private BusHeaders() {}
}
