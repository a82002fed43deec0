package com.lucid.payment.devnet;

import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

/**
 * `java -jar tron-payment-service.jar devnet [--host H] [--port N] [--solidity-port N]
 * [--block-ms M] [--fund ADDRESS[:TRX[:USDT]]]... [--control] [--no-estimate-energy]
 * [--no-pending-state]`: a standalone devnet that runs until SIGTERM.
 */
public final class DevnetCommand {
  /** Not TRON's 8090: the payment service's management server already uses that port. */
  public static final int DEFAULT_PORT = 18090;
  static final String USAGE = "usage: devnet [--host HOST] [--port N] [--solidity-port N]"
      + " [--block-ms MS] [--fund ADDRESS[:TRX[:USDT]]]... [--control] [--no-estimate-energy]"
      + " [--no-pending-state]\n"
      + "  --fund may repeat; TRX and USDT are decimal amounts with up to 6 decimals\n"
      + "  --control serves the test-only fault and funding API under /devnet/control\n"
      + "  --solidity-port serves /walletsolidity on its own port, as java-tron does (8091)\n"
      + "  --no-estimate-energy answers estimateenergy as java-tron does by default (off)\n"
      + "  --no-pending-state shows only block state on /wallet reads, not broadcasts";

  private DevnetCommand() {}

  public static void main(String[] args) {
    DevnetOptions options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("devnet: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.println(USAGE);
      return;
    }
    run(options, System.out);
  }

  private static void run(DevnetOptions options, PrintStream out) {
    Vertx vertx = Vertx.vertx();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // the JVM is going down anyway
      }
    }, "devnet-shutdown"));
    Devnet.start(vertx, options).onSuccess(devnet -> {
      out.println("Devnet HTTP API:  " + devnet.baseUrl());
      if (options.separateSolidityPort()) {
        out.println("Solidity API:     " + devnet.solidityUrl() + " (TRON_NODE_URL="
            + devnet.baseUrl() + "|" + devnet.solidityUrl() + ")");
      }
      out.println("USDT contract:    " + devnet.usdtContract() + " (" + UsdtToken.ADDRESS.hex()
          + ")");
      out.println("Head block:       " + devnet.headBlockNumber());
      if (options.controlEnabled()) {
        out.println("Control API:      " + devnet.baseUrl() + ControlApi.ROOT);
      }
      for (AccountBalance b : devnet.balances()) {
        out.println("Funded:           " + b.address() + " " + b.trxSun() + " sun, "
            + b.usdtUnits() + " USDT units");
      }
      out.flush();
    }).onFailure(e -> {
      System.err.println("devnet: cannot start: " + e.getMessage());
      System.exit(1);
    });
  }

  /** The options the arguments ask for; null for --help. */
  static DevnetOptions parse(String[] args) {
    DevnetOptions options = DevnetOptions.defaults().withPort(DEFAULT_PORT);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> {
          return null;
        }
        case "--control" -> options = options.withControl(true);
        case "--host" -> options = options.withHost(value(args, ++i, arg));
        case "--port" -> options = options.withPort((int) number(value(args, ++i, arg), arg,
            0, 65_535));
        case "--solidity-port" -> options = options.withSolidityPort((int) number(
            value(args, ++i, arg), arg, 0, 65_535));
        case "--no-estimate-energy" -> options = options.withEstimateEnergy(false);
        case "--no-pending-state" -> options = options.withPendingState(false);
        case "--block-ms" -> options = options.withBlockMs(number(value(args, ++i, arg), arg,
            1, 3_600_000));
        case "--fund" -> options = fund(options, value(args, ++i, arg));
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    return options;
  }

  private static DevnetOptions fund(DevnetOptions options, String spec) {
    String[] parts = spec.split(":", -1);
    if (parts.length > 3 || parts[0].isEmpty()) {
      throw new IllegalArgumentException("--fund expects ADDRESS[:TRX[:USDT]], got " + spec);
    }
    try {
      TronAddress.parseAny(parts[0]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--fund: not a TRON address: " + parts[0], e);
    }
    long trx = parts.length > 1 ? baseUnits(parts[1], "TRX") : 0;
    long usdt = parts.length > 2 ? baseUnits(parts[2], "USDT") : 0;
    return options.withFunded(parts[0], trx, usdt);
  }

  /** A decimal amount with at most 6 decimals, exactly, as base units (sun or USDT units). */
  static long baseUnits(String text, String what) {
    if (!text.matches("\\d{1,19}(\\.\\d{1,6})?")) {
      throw new IllegalArgumentException("--fund: " + what + " amount must be a decimal with "
          + "at most 6 decimals, got " + text);
    }
    try {
      return new BigDecimal(text).movePointRight(6).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("--fund: " + what + " amount too large: " + text);
    }
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static long number(String text, String option, long min, long max) {
    try {
      long value = Long.parseLong(text);
      if (value < min || value > max) {
        throw new IllegalArgumentException(option + " must be " + min + ".." + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects a number, got " + text);
    }
  }
}
