package com.lucid.payment.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lucid.payment.api.Role;
import com.lucid.payment.store.StoreSchema;
import com.lucid.payment.testing.HttpApi;
import com.lucid.payment.testing.TestService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken requests against the whole service: each gets its documented status and error code in the
 * envelope, and the store is exactly as it was before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbuseTest {
  private TestService service;
  private HttpApi api;
  private String alice;
  private String bob;
  private String admin;
  private String alicesPayout;
  private String hotWallet;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    service = TestService.start(TestService.fastEnv(dir));
    api = new HttpApi(service.api());
    alice = service.token("alice", Role.END_USER);
    bob = service.token("bob", Role.END_USER);
    admin = service.token("root", Role.ADMIN);
    HttpApi.Reply created = api.post("/payouts", alice, valid().encode(), Map.of("Idempotency-Key", "used-key"));
    assertEquals(201, created.status(), created.body());
    alicesPayout = created.json().getString("payout_id");
    hotWallet = api.get("/admin/wallet", admin).json().getString("address");
  }

  @AfterAll
  void stop() throws Exception {
    service.close();
  }

  private static JsonObject valid() {
    return new JsonObject().put("recipient_address", "TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC").put("amount_usdt", "1.25")
        .put("reason", "abuse test").put("router_type", "PayoutRouterV0");
  }

  /** Everything the service stores, minus the moving parts of the payouts the worker is settling. */
  private JsonObject snapshot() throws Exception {
    JsonObject state = new JsonObject();
    for (String collection : List.of(StoreSchema.IDEMPOTENCY, StoreSchema.LIMITS, StoreSchema.STATE)) {
      state.put(collection, new JsonArray(service.app().store().mongo()
          .find(collection, new JsonObject()).await(10, TimeUnit.SECONDS)));
    }
    List<JsonObject> payouts = service.app().store().mongo().find(StoreSchema.PAYOUTS, new JsonObject())
        .await(10, TimeUnit.SECONDS);
    List<String> ids = new ArrayList<>();
    payouts.forEach(p -> ids.add(p.getString("_id") + ":" + p.getString("user_id") + ":" + p.getLong("amount")));
    return state.put("payouts", new JsonArray(ids));
  }

  private String token(String header, String payload, String signature) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + signature;
  }

  /** A well-formed HS256 token signed with a secret the service does not know. */
  private String forged(String payload) throws Exception {
    String unsigned = token("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload, "");
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec("not-the-service-secret-but-just-as-long!!".getBytes(
        StandardCharsets.UTF_8), "HmacSHA256"));
    String signingInput = unsigned.substring(0, unsigned.length() - 1);
    return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
  }

  private void expect(int status, String code, HttpApi.Reply reply) {
    assertEquals(status, reply.status(), reply.body());
    JsonObject error = reply.json().getJsonObject("error");
    assertEquals(code, error.getString("code"), reply.body());
    assertEquals(reply.raw().headers().firstValue("X-Request-ID").orElseThrow(), error.getString("request_id"));
  }

  private HttpApi.Reply post(String token, String body, String key) throws Exception {
    return api.post("/payouts", token, body, Map.of("Idempotency-Key", key));
  }

  @Test
  @Timeout(120)
  void everyAbuseGetsItsDocumentedAnswerAndChangesNothing() throws Exception {
    JsonObject before = snapshot();
    String body = valid().encode();
    long now = System.currentTimeMillis() / 1000;
    String payload = new JsonObject().put("sub", "mallory").put("role", "admin").put("exp", now + 600).encode();
    String[] parts = alice.split("\\.");

    // tokens
    expect(401, "LUCID_ERR_1001", post(null, body, "k1"));
    expect(401, "LUCID_ERR_1001", post(forged(payload), body, "k2"));
    expect(401, "LUCID_ERR_1001", post(service.tokenExpired("alice", Role.END_USER), body, "k3"));
    expect(401, "LUCID_ERR_1001", post(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10)
        + (parts[2].charAt(10) == 'A' ? 'B' : 'A') + parts[2].substring(11), body, "k4"));
    expect(401, "LUCID_ERR_1001", post(token("{\"alg\":\"none\",\"typ\":\"JWT\"}", payload, ""), body, "k5"));
    expect(401, "LUCID_ERR_1001", post(parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2], body, "k6"));

    // roles and ownership
    expect(403, "LUCID_ERR_2010", post(alice, valid().put("router_type", "PayoutRouterKYC").encode(), "k7"));
    expect(403, "LUCID_ERR_2010", api.get("/admin/wallet", alice));
    expect(403, "LUCID_ERR_2010", api.post("/admin/pause", bob, "{}", Map.of()));
    expect(404, "LUCID_ERR_2005", api.get("/payouts/" + alicesPayout, bob));
    expect(404, "LUCID_ERR_2005", api.post("/payouts/" + alicesPayout + "/cancel", bob, "{}", Map.of()));
    expect(404, "LUCID_ERR_2005", api.get("/payouts/" + alicesPayout + "/transaction", bob));

    // bodies
    expect(400, "LUCID_ERR_2011", post(alice, "{\"recipient_address\": ", "k8"));
    expect(400, "LUCID_ERR_2011", post(alice, "[1,2]", "k9"));
    expect(400, "LUCID_ERR_2011", post(alice, valid().put("extra", 1).encode(), "k10"));
    expect(400, "LUCID_ERR_2011", post(alice, valid().put("reason", 5).encode(), "k11"));
    expect(400, "LUCID_ERR_2004", post(alice, valid().put("router_type", 1).encode(), "k12"));
    expect(400, "LUCID_ERR_2020", post(alice, valid().put("amount_usdt", true).encode(), "k13"));
    expect(413, "LUCID_ERR_2014", post(alice, valid().put("reason", "x".repeat(70_000)).encode(), "k14"));

    // amounts
    for (String amount : List.of("1.0000001", "-1", "0", "0.00", "1000000000000000", "1e3", "abc", "1000.000001")) {
      expect(400, "LUCID_ERR_2020", post(alice, valid().put("amount_usdt", amount).encode(), "amount-" + amount));
    }
    expect(400, "LUCID_ERR_2020", post(alice, body.replace("\"1.25\"", "-3.5"), "k15"));
    expect(400, "LUCID_ERR_2020", post(alice, body.replace("\"1.25\"", "0.0000001"), "k16"));

    // addresses
    expect(400, "LUCID_ERR_2001", post(alice, valid().put("recipient_address", "TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HD")
        .encode(), "k17"));
    expect(400, "LUCID_ERR_2001", post(alice, valid().put("recipient_address", "0x7e5f4552091a69125d5dfcb7b8c2659029")
        .encode(), "k18"));
    expect(400, "LUCID_ERR_2001", post(alice, valid().put("recipient_address", hotWallet).encode(), "k19"));
    expect(400, "LUCID_ERR_2001", post(alice, valid().put("recipient_address",
        service.devnet().usdtContract()).encode(), "k20"));

    // idempotency keys
    expect(422, "LUCID_ERR_2013", post(alice, valid().put("amount_usdt", "2").encode(), "used-key"));
    expect(400, "LUCID_ERR_2011", api.post("/payouts", alice, body, Map.of()));
    expect(400, "LUCID_ERR_2011", api.post("/payouts", alice, body, Map.of("Idempotency-Key", "x".repeat(256))));

    assertEquals(before, snapshot());
  }
}
