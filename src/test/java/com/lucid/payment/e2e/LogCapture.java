package com.lucid.payment.e2e;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Everything the service logs while a test runs, as the log files would hold it (messages and stack traces). */
final class LogCapture extends Handler {
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final SimpleFormatter formatter = new SimpleFormatter();

  LogCapture() {
    setLevel(Level.ALL);
  }

  void install() {
    Logger.getLogger("").addHandler(this);
  }

  void remove() {
    Logger.getLogger("").removeHandler(this);
  }

  void clear() {
    records.clear();
  }

  /** Every record formatted, with its exception's stack trace and causes. */
  String text() {
    StringBuilder text = new StringBuilder();
    for (LogRecord r : records) {
      text.append(formatter.format(r));
      if (r.getThrown() != null) {
        StringWriter trace = new StringWriter();
        r.getThrown().printStackTrace(new PrintWriter(trace));
        text.append(trace);
      }
    }
    return text.toString();
  }

  /** The records at WARNING or above, as lines. */
  List<String> warnings() {
    return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
        .map(r -> r.getLoggerName() + ": " + formatter.formatMessage(r)).toList();
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
