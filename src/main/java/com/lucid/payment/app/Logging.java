package com.lucid.payment.app;

import com.lucid.payment.config.ServiceConfig;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** java.util.logging set up once: one line per record on stderr, as text or JSON (LOG_FORMAT=json). */
public final class Logging {
  /** Strong references: java.util.logging forgets the level of a logger nobody holds. */
  private static final java.util.List<Logger> QUIETED = new java.util.ArrayList<>();

  private Logging() {}

  public static void configure(ServiceConfig.Logging config) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(config.level());
    Handler handler = new ConsoleHandler();
    handler.setLevel(config.level());
    handler.setFormatter(config.json() ? new JsonLines() : new TextLines());
    root.addHandler(handler);
    // the Mongo driver, Netty and the embedded server are chatty at INFO about every connection
    for (String name : new String[] {"org.mongodb.driver", "io.netty", "de.bwaldvogel"}) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(java.util.logging.Level.WARNING);
      QUIETED.add(logger);
    }
    // vertx-micrometer-metrics 5.1.6 registers one gauge twice and warns once at every start: harmless
    Logger gauge = Logger.getLogger("io.micrometer.core.instrument.MeterRegistry");
    gauge.setLevel(java.util.logging.Level.SEVERE);
    QUIETED.add(gauge);
  }

  private static String stack(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static final class TextLines extends Formatter {
    @Override
    public String format(LogRecord r) {
      String line = Instant.ofEpochMilli(r.getMillis()) + " " + r.getLevel().getName() + " " + r.getLoggerName()
          + " " + formatMessage(r) + System.lineSeparator();
      return r.getThrown() == null ? line : line + stack(r.getThrown());
    }
  }

  private static final class JsonLines extends Formatter {
    @Override
    public String format(LogRecord r) {
      JsonObject line = new JsonObject()
          .put("ts", Instant.ofEpochMilli(r.getMillis()).toString())
          .put("level", r.getLevel().getName())
          .put("logger", r.getLoggerName())
          .put("message", formatMessage(r));
      if (r.getThrown() != null) {
        line.put("error", r.getThrown().getClass().getName()).put("stack", stack(r.getThrown()));
      }
      return line.encode() + System.lineSeparator();
    }
  }
}
