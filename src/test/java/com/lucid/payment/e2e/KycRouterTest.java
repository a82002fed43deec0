package com.lucid.payment.e2e;

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
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The KYC router: a node worker's payout needs the compliance signer's signature over (recipient, kyc hash, expiry). */
class KycRouterTest {
  @TempDir Path dir;
  private TestService service;

  @AfterEach
  void tearDown() throws Exception {
    service.close();
  }

  private static JsonObject kycBody(TronAddress recipient, byte[] kycHash, ComplianceProof proof) {
    return new JsonObject().put("recipient_address", recipient.base58()).put("amount_usdt", "2500")
        .put("reason", "node rewards").put("router_type", "PayoutRouterKYC").put("node_id", "node-7")
        .put("kyc_hash", Hex.encode(kycHash)).put("compliance_signature", new JsonObject()
            .put("expiry", proof.expiry()).put("v", proof.v()).put("r", proof.r()).put("s", proof.s()));
  }

  @Test
  @Timeout(120)
  void aSignedKycPayoutIsPaidAndBadSignaturesAreRefused() throws Exception {
    SecureRandom random = new SecureRandom();
    SigningKey signer = SigningKey.generate(random);
    SigningKey stranger = SigningKey.generate(random);
    Map<String, String> env = TestService.fastEnv(dir);
    env.put("COMPLIANCE_SIGNER_ADDRESS", signer.address().base58());
    service = TestService.start(env);
    HttpApi api = new HttpApi(service.api());
    String operator = service.token("node-op-7", Role.NODE_OPERATOR);
    TronAddress recipient = TestService.newAddress();
    byte[] kycHash = new byte[32];
    random.nextBytes(kycHash);
    long expiry = System.currentTimeMillis() / 1000 + 3600;

    HttpApi.Reply wrongSigner = api.post("/payouts", operator, kycBody(recipient, kycHash,
        ComplianceSignature.sign(stranger, recipient, kycHash, expiry)).encode(), Map.of("Idempotency-Key", "k1"));
    assertEquals(400, wrongSigner.status(), wrongSigner.body());
    assertEquals("LUCID_ERR_2019", wrongSigner.errorCode());

    HttpApi.Reply expired = api.post("/payouts", operator, kycBody(recipient, kycHash,
        ComplianceSignature.sign(signer, recipient, kycHash, 1_000_000)).encode(), Map.of("Idempotency-Key", "k2"));
    assertEquals("LUCID_ERR_2019", expired.errorCode());

    ComplianceProof forOther = ComplianceSignature.sign(signer, TestService.newAddress(), kycHash, expiry);
    assertEquals("LUCID_ERR_2019", api.post("/payouts", operator, kycBody(recipient, kycHash, forOther).encode(),
        Map.of("Idempotency-Key", "k3")).errorCode(), "a signature for another recipient");

    JsonObject malformed = kycBody(recipient, kycHash, ComplianceSignature.sign(signer, recipient, kycHash, expiry));
    malformed.getJsonObject("compliance_signature").put("r", "zz");
    assertEquals("LUCID_ERR_2019", api.post("/payouts", operator, malformed.encode(),
        Map.of("Idempotency-Key", "k4")).errorCode());
    JsonObject noNode = kycBody(recipient, kycHash, ComplianceSignature.sign(signer, recipient, kycHash, expiry));
    noNode.remove("node_id");
    assertEquals("LUCID_ERR_2011", api.post("/payouts", operator, noNode.encode(),
        Map.of("Idempotency-Key", "k5")).errorCode());
    assertTrue(service.app().store().mongo().count("payouts", new JsonObject())
        .await(5, java.util.concurrent.TimeUnit.SECONDS) == 0, "refused requests store nothing");

    HttpApi.Reply ok = api.post("/payouts", operator, kycBody(recipient, kycHash,
        ComplianceSignature.sign(signer, recipient, kycHash, expiry)).encode(), Map.of("Idempotency-Key", "k6"));
    assertEquals(201, ok.status(), ok.body());
    String id = ok.json().getString("payout_id");
    Await.atMost(Duration.ofSeconds(60), () -> api.get("/payouts/" + id, operator).json().getString("status"),
        "confirmed"::equals);
    assertEquals(2_500_000_000L, service.devnet().balance(recipient.base58()).usdtUnits());

    String metrics = new HttpApi("http://127.0.0.1:" + service.app().managementPort()).get("/metrics", null).body();
    for (String name : new String[] {"tron_payment_requests_total{", "tron_payout_amount_usdt_total{",
        "tron_payout_processing_duration_seconds_count{", "tron_network_latency_seconds_count{",
        "tron_daily_limit_usage_usdt", "tron_circuit_breaker_status", "vertx_http_server_requests_total",
        "vertx_eventbus_sent_total", "jvm_memory_used_bytes"}) {
      assertTrue(metrics.contains(name), "metrics lack " + name);
    }
  }
}
