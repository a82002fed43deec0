package com.lucid.payment.app;

/** One line of progress for a terminal: a bar, the count settled, and what the rest is doing. */
final class ProgressBar {
  private static final int WIDTH = 30;

  private ProgressBar() {}

  static String render(long settled, long total, String detail) {
    int filled = total == 0 ? WIDTH : (int) (settled * WIDTH / total);
    return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + settled + "/" + total + " settled"
        + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
