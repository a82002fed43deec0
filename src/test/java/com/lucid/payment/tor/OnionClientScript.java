package com.lucid.payment.tor;

import com.lucid.payment.deploy.ExternalTool;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** scripts/onion-client as an operator runs it on the onion service's host; what it prints is kept in memory only. */
final class OnionClientScript {
  private static final long TIMEOUT_SECONDS = 30;

  private OnionClientScript() {}

  /** `onion-client add NAME DIR`: returns the client's private line (a secret: never print it). */
  static String add(String name, Path serviceDir) throws Exception {
    return run("add", name, serviceDir);
  }

  static void revoke(String name, Path serviceDir) throws Exception {
    run("revoke", name, serviceDir);
  }

  private static String run(String command, String name, Path serviceDir) throws Exception {
    Process process = new ProcessBuilder(ExternalTool.projectFile("scripts/onion-client").toString(), command, name,
        serviceDir.toString()).start();
    process.getOutputStream().close();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // stderr holds only the script's messages (a few lines, well under a pipe's buffer), so reading it second is safe
    try (InputStream in = process.getInputStream(); InputStream errors = process.getErrorStream()) {
      in.transferTo(out);
      errors.transferTo(err);
    }
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("onion-client " + command + " " + name + " did not finish");
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("onion-client " + command + " " + name + " exited " + process.exitValue() + ": "
          + err.toString(StandardCharsets.UTF_8));
    }
    return out.toString(StandardCharsets.US_ASCII);
  }
}
