package com.lucid.payment.app;

/** Entry point of the fat jar: runs the service, or one of its operator commands. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && "devnet".equals(args[0])) { com.lucid.payment.devnet.DevnetCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length)); return; }
    System.out.println("tron-payment-service");
  }
}
