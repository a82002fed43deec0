package com.lucid.payment.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import java.util.HashMap;
import java.util.Map;

/**
 * Slowloris: a connection must deliver each request's head within the header timeout of opening, or of the end of its
 * previous response; one that trickles its head (or sits silent between requests) is closed. The idle timeout alone
 * never fires on a client that sends a byte a second. Used on the gateway's event loop only.
 */
final class HeadDeadlines {
  /** A connection's requests in progress and the timer that runs while it has none. */
  private static final class Watch {
    long timer = -1;
    int inProgress;
  }

  private final Vertx vertx;
  private final long timeoutMs;
  private final Map<HttpConnection, Watch> watches = new HashMap<>();

  HeadDeadlines(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  /** The server's connection handler: the first head is due from now. */
  void opened(HttpConnection connection) {
    Watch watch = new Watch();
    watches.put(connection, watch);
    arm(connection, watch);
    connection.closeHandler(closed -> {
      vertx.cancelTimer(watch.timer);
      watches.remove(connection);
    });
  }

  /** A request's head arrived: nothing is due on its connection until its response is done. */
  void headArrived(HttpConnection connection) {
    Watch watch = watches.get(connection);
    if (watch != null) {
      watch.inProgress++;
      vertx.cancelTimer(watch.timer);
    }
  }

  /** A response ended (or its connection closed): with none in progress, the next head is due. */
  void responseDone(HttpConnection connection) {
    Watch watch = watches.get(connection);
    if (watch != null && --watch.inProgress == 0) {
      arm(connection, watch);
    }
  }

  private void arm(HttpConnection connection, Watch watch) {
    vertx.cancelTimer(watch.timer);
    watch.timer = vertx.setTimer(timeoutMs, id -> {
      watch.timer = -1;
      if (watch.inProgress == 0) {
        connection.close();
      }
    });
  }
}
