package com.lucid.payment.app;

/** Entry point of the fat jar: runs the service, or one of its operator commands. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("tron-payment-service");
  }
}
