package com.lucid.payment.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.api.Role;
import com.lucid.payment.testing.Await;
import com.lucid.payment.testing.HttpApi;
import com.lucid.payment.testing.TestService;
import com.lucid.payment.tron.chain.ComplianceProof;
import com.lucid.payment.tron.chain.ComplianceSignature;
import com.lucid.payment.tron.chain.Hex;
import com.lucid.payment.tron.chain.SigningKey;
import com.lucid.payment.tron.chain.TronAddress;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the real gateway and engine: a KYC batch of node workers, refused whole for one foreign compliance
 * signature, then accepted, replayed, followed to completion and counted in /stats; a KYC distribution reported as
 * CSV.
 */
class BatchHttpTest {
  private final SecureRandom random = new SecureRandom();
  private final SigningKey signer = SigningKey.generate(random);
  @TempDir Path dir;

  private JsonObject worker(TronAddress recipient, String amountField, String amount, SigningKey by) {
    byte[] kycHash = new byte[32];
    random.nextBytes(kycHash);
    ComplianceProof proof = ComplianceSignature.sign(by, recipient, kycHash, System.currentTimeMillis() / 1000 + 3600);
    return new JsonObject().put(amountField, amount).put("node_id", "node-" + random.nextInt(1000))
        .put("kyc_hash", Hex.encode(kycHash)).put("compliance_signature", new JsonObject().put("expiry", proof.expiry())
            .put("v", proof.v()).put("r", proof.r()).put("s", proof.s()));
  }

  @Test
  @Timeout(120)
  void aKycBatchAndAKycDistributionThroughTheGateway() throws Exception {
    Map<String, String> env = TestService.fastEnv(dir);
    env.put("COMPLIANCE_SIGNER_ADDRESS", signer.address().base58());
    try (TestService service = TestService.start(env)) {
      HttpApi api = new HttpApi(service.api());
      String operator = service.token("node-op-7", Role.NODE_OPERATOR);
      TronAddress first = TestService.newAddress();
      TronAddress second = TestService.newAddress();
      JsonArray items = new JsonArray()
          .add(worker(first, "amount_usdt", "2500", signer).put("recipient_address", first.base58()).put("reason", "r"))
          .add(worker(second, "amount_usdt", "1500.5", SigningKey.generate(random))
              .put("recipient_address", second.base58()).put("reason", "r"));
      JsonObject body = new JsonObject().put("payouts", items).put("router_type", "PayoutRouterKYC")
          .put("batch_type", "IMMEDIATE").put("priority", "HIGH");

      HttpApi.Reply refused = api.post("/payouts/batch", operator, body.encode(), Map.of("Idempotency-Key", "w1"));
      assertEquals(400, refused.status(), refused.body());
      assertEquals("LUCID_ERR_2019", refused.errorCode());
      JsonArray errors = refused.json().getJsonObject("error").getJsonObject("details").getJsonArray("errors");
      assertEquals(1, errors.size(), errors.encode());
      assertEquals(1, errors.getJsonObject(0).getInteger("index"));
      assertEquals("compliance_signature", errors.getJsonObject(0).getString("field"));
      assertTrue(errors.getJsonObject(0).getString("message").contains("not valid"), errors.encode());
      assertEquals(403, api.post("/payouts/batch", service.token("eve", Role.END_USER), body.encode(),
          Map.of("Idempotency-Key", "w1")).status());

      items.set(1, worker(second, "amount_usdt", "1500.5", signer).put("recipient_address", second.base58())
          .put("reason", "r"));
      HttpApi.Reply created = api.post("/payouts/batch", operator, body.encode(), Map.of("Idempotency-Key", "w1"));
      assertEquals(201, created.status(), created.body());
      String id = created.json().getString("batch_id");
      assertEquals("/api/payment/payouts/batch/" + id, created.raw().headers().firstValue("Location").orElseThrow());
      HttpApi.Reply replay = api.post("/payouts/batch", operator, body.encode(), Map.of("Idempotency-Key", "w1"));
      assertEquals(200, replay.status());
      assertEquals("true", replay.raw().headers().firstValue("Idempotent-Replayed").orElseThrow());
      assertEquals(created.json().getJsonArray("payout_ids"), replay.json().getJsonArray("payout_ids"));

      JsonObject status = Await.until("batch " + id + " to complete", Duration.ofSeconds(90),
          () -> api.get("/payouts/batch/" + id, operator).json(), s -> "completed".equals(s.getString("status")));
      assertEquals("completed", status.getString("status"), status.encode());
      assertEquals("4000.5", status.getString("completed_amount_usdt"));
      assertEquals(2_500_000_000L, service.devnet().balance(first.base58()).usdtUnits());
      assertEquals(404, api.get("/payouts/batch/" + id, service.token("node-op-8", Role.NODE_OPERATOR)).status());

      String admin = service.token("root", Role.ADMIN);
      JsonObject stats = api.get("/stats?period=hour&router_type=PayoutRouterKYC", admin).json();
      assertEquals(2, stats.getInteger("total_payouts"));
      assertEquals("4000.5", stats.getString("total_amount_usdt"));
      assertEquals("2000.25", stats.getString("average_amount_usdt"));
      assertEquals(403, api.get("/stats", operator).status());

      TronAddress third = TestService.newAddress();
      JsonObject period = new JsonObject().put("period", "2026-11").put("entries", new JsonArray()
          .add(worker(third, "gross_usdt", "40", signer).put("recipient", third.base58())
              .put("router_type", "PayoutRouterKYC"))
          .add(new JsonObject().put("recipient", first.base58()).put("gross_usdt", "3")
              .put("router_type", "PayoutRouterV0")));
      String payroll = service.token("payroll", Role.SERVICE);
      HttpApi.Reply submitted = api.post("/distributions", payroll, period.encode(), Map.of());
      assertEquals(201, submitted.status(), submitted.body());
      assertEquals(200, api.post("/distributions", payroll, period.encode(), Map.of()).status());
      assertEquals(403, api.post("/distributions", operator, period.encode(), Map.of()).status());
      HttpApi.Reply csv = api.get("/distributions/2026-11?format=csv", payroll);
      assertEquals(200, csv.status());
      List<String> rows = csv.body().lines().toList();
      assertTrue(rows.get(1).startsWith("2026-11,0," + third.base58() + ","), rows.get(1));
      assertTrue(rows.get(1).contains(",PayoutRouterKYC,40,0,0,40,pending,0,40,0,0,payout_"), rows.get(1));
      assertEquals("2026-11,total,,,,43,0,0,43,processing,0,40,0,3,,,", rows.get(3));
    }
  }
}
