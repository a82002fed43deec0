package com.lucid.payment.app;

import com.lucid.payment.config.ConfigException;
import com.lucid.payment.config.ConfigLoader;
import com.lucid.payment.config.ServiceConfig;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/** Entry point of the fat jar: runs the service, or one of its operator commands. */
public final class Main {
  private static final AtomicBoolean STOPPING = new AtomicBoolean();

  private Main() {}

  public static void main(String[] args) {
    String command = args.length == 0 ? "serve" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (command) {
      case "serve" -> serve();
      case "devnet" -> com.lucid.payment.devnet.DevnetCommand.main(rest);
      case "verify-audit" -> System.exit(VerifyAuditCommand.run(System.getenv(), System.out));
      case "token" -> System.exit(TokenCommand.run(rest, System.getenv(), System.out, System.err));
      case "distribute" -> System.exit(DistributeCommand.run(rest, System.out, System.err));
      default -> {
        System.err.println("unknown command '" + command
            + "'; commands: serve, devnet, verify-audit, token, distribute");
        System.exit(2);
      }
    }
  }

  private static void serve() {
    ServiceConfig config;
    try {
      config = ConfigLoader.fromEnvironment();
    } catch (ConfigException e) {
      System.err.println("configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    Logging.configure(config.logging());
    CompletableFuture<Application> app = new CompletableFuture<>();
    stopOnSignal(app, "TERM", 143);
    stopOnSignal(app, "INT", 130);
    Application.start(config).onComplete(started -> {
      if (started.succeeded()) {
        app.complete(started.result());
      } else {
        app.completeExceptionally(started.cause());
      }
    });
    try {
      // the main thread waits: once a failed start has closed Vert.x, no other thread keeps the JVM alive
      app.get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      // a setting found wrong only once the service could look (a node URL serving the other API, say)
      if (cause instanceof ConfigException wrong) {
        System.err.println("configuration error: " + wrong.getMessage());
        System.exit(2);
      }
      System.err.println("start-up failed: " + describe(cause));
      System.exit(1);
    }
  }

  /** The first useful message in a cause chain, e.g. the I/O error behind a store that cannot open. */
  static String describe(Throwable error) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = error; t != null && out.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        out.append(out.length() == 0 ? "" : ": ").append(t.getMessage());
      }
    }
    return out.length() == 0 ? error.getClass().getSimpleName() : out.toString();
  }

  /**
   * A graceful stop on the signal, then exit. Handled here rather than in a shutdown hook because the JDK's own
   * hooks (logging among them) would run concurrently and swallow the stop's last lines.
   */
  private static void stopOnSignal(CompletableFuture<Application> app, String signal, int exitCode) {
    Signal.handle(new Signal(signal), s -> {
      if (!STOPPING.compareAndSet(false, true)) {
        return;
      }
      int code = exitCode;
      try {
        // a signal during start-up waits for the start to finish, then stops what started
        app.get(60, TimeUnit.SECONDS).stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("shutdown did not complete cleanly: " + e);
        code = 1;
      }
      System.exit(code);
    });
  }
}
