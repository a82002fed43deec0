package com.lucid.payment.e2e;

import com.lucid.payment.api.ErrorCode;
import com.lucid.payment.api.Role;
import com.lucid.payment.testing.TestService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The project's hostile corpus: requests as an attacker sends them, byte for byte, each with the one answer it must
 * get. Grouped by what they attack: framing, heads, bodies, amounts, encodings, tokens, routes.
 */
final class HostileCorpus {
  /** One hostile request and the status and error code it must be answered with. */
  record Case(String name, byte[] request, int status, ErrorCode code) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Tokens the corpus uses: valid ones of several roles and ones signed with the service's key but ill-claimed. */
  record Tokens(String endUser, String service, String foldedAdmin, String infiniteExp, String year5000,
      String algNone) {
    /** For a TestService whose JWT secret is DIR/jwt-secret (TestService.fastEnv). */
    static Tokens of(TestService service, Path dir) throws Exception {
      String secret = Files.readString(dir.resolve("jwt-secret")).strip();
      long now = Instant.now().getEpochSecond();
      return new Tokens(service.token("alice", Role.END_USER), service.token("payroll", Role.SERVICE),
          sign(secret, "{\"sub\":\"mallory\",\"role\":\"adm\u0131n\",\"exp\":" + (now + 600) + "}"),
          sign(secret, "{\"sub\":\"mallory\",\"role\":\"admin\",\"exp\":1e400}"),
          sign(secret, "{\"sub\":\"mallory\",\"role\":\"admin\",\"exp\":95617584000}"),
          encode("{\"alg\":\"none\"}") + "." + encode("{\"sub\":\"mallory\",\"role\":\"admin\",\"exp\":" + (now + 600)
              + "}") + ".");
    }

    private static String sign(String secret, String claims) throws Exception {
      String input = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + encode(claims);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return input + "." + Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String encode(String json) {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static final String P = "/api/payment";
  private static final String PAYOUT = "{\"recipient_address\":\"TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC\","
      + "\"amount_usdt\":%s,\"reason\":%s,\"router_type\":\"PayoutRouterV0\"}";

  private final List<Case> cases = new ArrayList<>();
  private final Tokens tokens;

  private HostileCorpus(Tokens tokens) {
    this.tokens = tokens;
  }

  static List<Case> all(Tokens tokens) {
    HostileCorpus corpus = new HostileCorpus(tokens);
    corpus.framing();
    corpus.heads();
    corpus.bodies();
    corpus.tokensAndRoutes();
    return corpus.cases;
  }

  private static String payout(String amount, String reason) {
    return String.format(PAYOUT, amount, reason);
  }

  private String post(String path, String token, String headers) {
    return "POST " + P + path + " HTTP/1.1\r\nHost: x\r\n" + (token == null ? "" : "Authorization: Bearer " + token
        + "\r\n") + "Idempotency-Key: hostile-" + cases.size() + "\r\nContent-Type: application/json\r\n" + headers;
  }

  private String postJson(String path, String token, String json) {
    return post(path, token, "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n") + json;
  }

  private void add(String name, String request, int status, ErrorCode code) {
    cases.add(new Case(name, request.getBytes(StandardCharsets.UTF_8), status, code));
  }

  private void add(String name, byte[] request, int status, ErrorCode code) {
    cases.add(new Case(name, request, status, code));
  }

  private void framing() {
    String chunked = "Transfer-Encoding: chunked\r\n\r\n";
    add("bad chunk size on /payouts", post("/payouts", tokens.endUser(), chunked) + "zz\r\n{}\r\n0\r\n\r\n", 400,
        ErrorCode.INVALID_REQUEST);
    add("overflowing chunk size on /payouts/batch", post("/payouts/batch", tokens.service(), chunked)
        + "ffffffffffffffffffff\r\n{}\r\n0\r\n\r\n", 400, ErrorCode.INVALID_REQUEST);
    add("bad chunk size on /distributions", post("/distributions", tokens.service(), chunked) + "-1\r\n{}\r\n0\r\n\r\n",
        400, ErrorCode.INVALID_REQUEST);
    add("absurd Content-Length", post("/payouts", tokens.endUser(), "Content-Length: 99999999999999999999\r\n\r\n{}"),
        400, ErrorCode.INVALID_REQUEST);
    add("two Content-Lengths", post("/payouts", tokens.endUser(), "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}"),
        400, ErrorCode.INVALID_REQUEST);
    add("Content-Length and chunked", post("/payouts", tokens.endUser(), "Content-Length: 5\r\n" + chunked)
        + "2\r\n{}\r\n0\r\n\r\n", 400, ErrorCode.INVALID_REQUEST);
    add("garbage request line", "\u0016\u0003\u0001 TLS hello?\r\n\r\n", 400, ErrorCode.INVALID_REQUEST);
    add("HTTP/1.2", "GET " + P + "/health HTTP/1.2\r\nHost: x\r\n\r\n", 400, ErrorCode.INVALID_REQUEST);
    add("unauthenticated 1 MiB batch, head only", post("/payouts/batch", null, "Content-Length: 1048576\r\n\r\n"), 401,
        ErrorCode.UNAUTHENTICATED);
    add("unauthenticated 1 MiB distribution, head only", post("/distributions", null,
        "Content-Length: 1048576\r\n\r\n"), 401, ErrorCode.UNAUTHENTICATED);
    add("a batch announced over its limit", post("/payouts/batch", tokens.service(),
        "Content-Length: 2000000000\r\n\r\n"), 413, ErrorCode.PAYLOAD_TOO_LARGE);
  }

  private void heads() {
    add("a 100 KB token", "GET " + P + "/payouts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + "e".repeat(100_000)
        + "\r\n\r\n", 431, ErrorCode.REQUEST_HEAD_TOO_LARGE);
    add("a 10 KB X-Request-ID", "GET " + P + "/health HTTP/1.1\r\nHost: x\r\nX-Request-ID: " + "r".repeat(10_000)
        + "\r\n\r\n", 431, ErrorCode.REQUEST_HEAD_TOO_LARGE);
    add("a 64 KB query string", "GET " + P + "/payouts?status=" + "q".repeat(65_536) + " HTTP/1.1\r\nHost: x\r\n\r\n",
        414, ErrorCode.REQUEST_HEAD_TOO_LARGE);
    add("a NUL in a header", "GET " + P + "/health HTTP/1.1\r\nHost: x\r\nX-Note: a\u0000b\r\n\r\n", 400,
        ErrorCode.INVALID_REQUEST);
    add("two Authorization headers", "GET " + P + "/payouts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + tokens.endUser() + "\r\nAuthorization: Bearer " + tokens.service() + "\r\n\r\n", 400,
        ErrorCode.INVALID_REQUEST);
    add("two Idempotency-Keys", post("/payouts", tokens.endUser(), "Idempotency-Key: other\r\nContent-Length: 2\r\n\r\n")
        + "{}", 400, ErrorCode.INVALID_REQUEST);
    add("an undecodable path", "GET " + P + "/payouts/%ZZ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + tokens.endUser() + "\r\n\r\n", 400, ErrorCode.INVALID_REQUEST);
    add("CONNECT", "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n", 400,
        ErrorCode.INVALID_REQUEST);
    add("a made-up method", "BREW " + P + "/payouts HTTP/1.1\r\nHost: x\r\n\r\n", 405, ErrorCode.ROUTE_NOT_FOUND);
  }

  private void bodies() {
    String user = tokens.endUser();
    add("amount 1e2147483648", postJson("/payouts", user, payout("1e2147483648", "\"x\"")), 400,
        ErrorCode.INVALID_REQUEST);
    add("a number 1e2147483648 elsewhere", postJson("/payouts", user, payout("\"1.5\"", "\"x\"")
        .replace("}", ",\"custom_data\":{\"n\":1e2147483648}}")), 400, ErrorCode.INVALID_REQUEST);
    add("a 60 KB amount string", postJson("/payouts", user, payout("\"1" + "0".repeat(60_000) + "\"", "\"x\"")), 400,
        ErrorCode.INVALID_AMOUNT);
    add("a 60 KB amount string of decimals", postJson("/payouts", user, payout("\"0." + "1".repeat(60_000) + "\"",
        "\"x\"")), 400, ErrorCode.INVALID_AMOUNT);
    add("a 60 KB amount number", postJson("/payouts", user, payout("1." + "0".repeat(60_000), "\"x\"")), 400,
        ErrorCode.INVALID_REQUEST);
    add("a 40-digit decimal in custom_data", postJson("/payouts", user, payout("\"1.5\"", "\"x\"")
        .replace("}", ",\"custom_data\":{\"n\":1.000000000000000000000000000000000000001}}")), 400,
        ErrorCode.INVALID_REQUEST);
    add("a NUL in a custom_data key", postJson("/payouts", user, payout("\"1.5\"", "\"x\"")
        .replace("}", ",\"custom_data\":{\"a\\u0000b\":1}}")), 400, ErrorCode.INVALID_REQUEST);
    add("lone surrogate \\ud800", postJson("/payouts", user, payout("\"1.5\"", "\"\\ud800\"")), 400,
        ErrorCode.INVALID_REQUEST);
    add("lone surrogate \\udc01 in a key", postJson("/payouts", user, payout("\"1.5\"", "\"x\"")
        .replace("}", ",\"custom_data\":{\"\\udc01\":1}}")), 400, ErrorCode.INVALID_REQUEST);
    ByteArrayOutputStream overlong = new ByteArrayOutputStream();
    byte[] body = payout("\"1.5\"", "\"ab\"").getBytes(StandardCharsets.UTF_8);
    String head = post("/payouts", user, "Content-Length: " + (body.length + 1) + "\r\n\r\n");
    overlong.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    for (byte b : body) {
      if (b == 'b') {
        overlong.write(0xC1); // 'b' (0x62) as an overlong two-byte sequence: C1 A2
        overlong.write(0xA2);
      } else {
        overlong.write(b);
      }
    }
    add("overlong UTF-8", overlong.toByteArray(), 400, ErrorCode.INVALID_REQUEST);
    add("nesting 40 deep", postJson("/payouts", user, "{\"a\":".repeat(40) + "1" + "}".repeat(40)), 400,
        ErrorCode.INVALID_REQUEST);
    add("a repeated amount", postJson("/payouts", user, payout("\"1\"", "\"x\"").replace("}",
        ",\"amount_usdt\":\"1000\"}")), 400, ErrorCode.INVALID_REQUEST);
    add("a form body", post("/payouts", user, "Content-Type: application/x-www-form-urlencoded\r\n"
        + "Content-Length: 13\r\n\r\namount_usdt=1").replace("Content-Type: application/json\r\n", ""), 400,
        ErrorCode.INVALID_REQUEST);
    StringBuilder unknown = new StringBuilder();
    for (int i = 0; i < 6_000; i++) {
      unknown.append(",\"f").append(i).append("\":1");
    }
    add("6,000 unknown fields", postJson("/payouts", user, payout("\"1.5\"", "\"x\"").replace("}", unknown + "}")),
        400, ErrorCode.INVALID_REQUEST);
  }

  private void tokensAndRoutes() {
    String body = payout("\"1.5\"", "\"x\"");
    add("role admın (dotless i)", postJson("/admin/pause", tokens.foldedAdmin(), "{}"), 403, ErrorCode.FORBIDDEN);
    add("exp 1e400", postJson("/payouts", tokens.infiniteExp(), body), 401, ErrorCode.UNAUTHENTICATED);
    add("exp in the year 5000", postJson("/payouts", tokens.year5000(), body), 401, ErrorCode.UNAUTHENTICATED);
    add("alg none", postJson("/payouts", tokens.algNone(), body), 401, ErrorCode.UNAUTHENTICATED);
    add("an end user's batch", postJson("/payouts/batch", tokens.endUser(), "{\"payouts\":[" + body + "]}"), 403,
        ErrorCode.FORBIDDEN);
  }
}
