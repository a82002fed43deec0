package com.lucid.payment.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a real java-tron v4.8.0 node answered to every request the service makes (src/test/resources/java-tron, with
 * its README: full-node port and solidity port, refusals, pending state). Kept in the project, not read from beside
 * it, so that the known answers the client and the devnet are held to change only with a commit that shows them.
 */
public final class JavaTronAnswers {
  private static final JsonObject ANSWERS = read("/java-tron/answers.json");
  private static final JsonObject PENDING = read("/java-tron/pending-state.json");

  private JavaTronAnswers() {}

  /**
   * One recorded exchange.
   *
   * @param solidityPort asked of the node's solidity port (base SOLID), else of its full-node port
   * @param request the JSON body sent (a string for a body that was not JSON), null for a GET
   */
  public record Answer(String name, String path, boolean solidityPort, Object request, int status,
      String contentType, String text) {
    /** The answer's JSON object. */
    public JsonObject json() {
      return new JsonObject(text);
    }

    /** The request's JSON object, or null when it was none (a GET, a body that is not JSON). */
    public JsonObject requestJson() {
      return request instanceof JsonObject o ? o.copy() : null;
    }
  }

  public static Answer get(String name) {
    JsonObject e = ANSWERS.getJsonObject(name);
    if (e == null || !e.containsKey("path")) {
      throw new IllegalArgumentException("no recorded answer " + name);
    }
    return new Answer(name, e.getString("path"), "SOLID".equals(e.getString("base")), e.getValue("req"),
        e.getInteger("status"), e.getString("ctype"), e.getString("text"));
  }

  /** Every recorded exchange, in recording order (the bookkeeping entries, named _…, left out). */
  public static List<Answer> all() {
    List<Answer> all = new ArrayList<>();
    for (String name : ANSWERS.fieldNames()) {
      if (!name.startsWith("_")) {
        all.add(get(name));
      }
    }
    return all;
  }

  /** The bookkeeping entry {@code _name} (the txids used, the wait for solidification). */
  public static Object bookkeeping(String name) {
    return ANSWERS.getValue("_" + name);
  }

  /** What /wallet and /walletsolidity showed 17 ms after a broadcast, before its block. */
  public static JsonObject pendingState() {
    return PENDING.copy();
  }

  private static JsonObject read(String resource) {
    try (InputStream in = JavaTronAnswers.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
