package com.lucid.payment.tron.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lucid.payment.tron.chain.ComplianceVerdict.Outcome;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class ComplianceSignatureTest {
  private static final SigningKey SIGNER =
      SigningKey.fromPrivateKeyHex("3ecb44df2159c26e0f995712d4f39b6f6e499b40749b1cf1246c37f9516cb6a4");
  private static final SigningKey OTHER =
      SigningKey.fromPrivateKeyHex("289c2857d4598e37fb9647507e47a309d6133539bf21a8b9cb6df88fd5232032");
  private static final TronAddress WORKER = TronAddress.fromBase58("TPjvQpNcAudPPmMvtKzE6GetWzhFwqVRHq");
  private static final byte[] KYC_HASH = Hashes.keccak256("worker-42 verified".getBytes(StandardCharsets.UTF_8));
  private static final long NOW = 1_767_225_600L;
  private static final long EXPIRY = NOW + 86_400;

  @Test
  void signatureByTheComplianceSignerIsValid() {
    ComplianceProof proof = ComplianceSignature.sign(SIGNER, WORKER, KYC_HASH, EXPIRY);
    assertTrue(proof.v() == 27 || proof.v() == 28);
    assertEquals(Outcome.VALID, check(proof).outcome());
    assertTrue(check(proof).isValid());
  }

  @Test
  void recoveryIdFormAndHexPrefixAreAccepted() {
    ComplianceProof proof = ComplianceSignature.sign(SIGNER, WORKER, KYC_HASH, EXPIRY);
    ComplianceProof zeroOne = new ComplianceProof(EXPIRY, proof.v() - 27, "0x" + proof.r(), "0x" + proof.s());
    assertEquals(Outcome.VALID, check(zeroOne).outcome());
  }

  @Test
  void expiredSignatureIsRefusedAsExpired() {
    ComplianceProof proof = ComplianceSignature.sign(SIGNER, WORKER, KYC_HASH, NOW - 1);
    assertEquals(Outcome.EXPIRED, check(proof).outcome());
    ComplianceProof lastSecond = ComplianceSignature.sign(SIGNER, WORKER, KYC_HASH, NOW);
    assertEquals(Outcome.VALID, check(lastSecond).outcome());
  }

  @Test
  void signatureByAnyoneElseIsRefusedAsWrongSigner() {
    ComplianceProof proof = ComplianceSignature.sign(OTHER, WORKER, KYC_HASH, EXPIRY);
    assertEquals(Outcome.WRONG_SIGNER, check(proof).outcome());
  }

  @Test
  void proofForAnotherRecipientHashOrExpiryDoesNotTransfer() {
    ComplianceProof proof = ComplianceSignature.sign(SIGNER, WORKER, KYC_HASH, EXPIRY);
    TronAddress someoneElse = TronAddress.fromBase58("TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC");
    assertEquals(Outcome.WRONG_SIGNER,
        ComplianceSignature.check(someoneElse, KYC_HASH, proof, SIGNER.address(), NOW).outcome());
    byte[] otherHash = KYC_HASH.clone();
    otherHash[0] ^= 1;
    assertEquals(Outcome.WRONG_SIGNER,
        ComplianceSignature.check(WORKER, otherHash, proof, SIGNER.address(), NOW).outcome());
    ComplianceProof laterExpiry = new ComplianceProof(EXPIRY + 1, proof.v(), proof.r(), proof.s());
    assertEquals(Outcome.WRONG_SIGNER, check(laterExpiry).outcome());
  }

  @Test
  void malformedProofsAreRefusedAsMalformed() {
    ComplianceProof p = ComplianceSignature.sign(SIGNER, WORKER, KYC_HASH, EXPIRY);
    assertEquals(Outcome.MALFORMED, check(new ComplianceProof(EXPIRY, 29, p.r(), p.s())).outcome());
    assertEquals(Outcome.MALFORMED, check(new ComplianceProof(EXPIRY, p.v(), p.r().substring(2), p.s())).outcome());
    assertEquals(Outcome.MALFORMED, check(new ComplianceProof(EXPIRY, p.v(), p.r(), "zz" + p.s().substring(2))).outcome());
    assertEquals(Outcome.MALFORMED, check(new ComplianceProof(EXPIRY, p.v(), p.r(), "00".repeat(32))).outcome());
    assertEquals(Outcome.MALFORMED, check(new ComplianceProof(-1, p.v(), p.r(), p.s())).outcome());
    assertEquals(Outcome.MALFORMED, check(new ComplianceProof(EXPIRY, p.v(), null, p.s())).outcome());
    String highS = Hex.encode(BigIntegers.asUnsignedByteArray(32,
        Signatures.N.subtract(new BigInteger(1, Hex.decode(p.s())))));
    int flippedV = p.v() == 27 ? 28 : 27;
    assertEquals(Outcome.MALFORMED, check(new ComplianceProof(EXPIRY, flippedV, p.r(), highS)).outcome());
    assertEquals(Outcome.MALFORMED,
        ComplianceSignature.check(WORKER, new byte[31], p, SIGNER.address(), NOW).outcome());
  }

  @Test
  void digestIsThePersonalMessageHashOfThePackedFields() {
    byte[] packed = new byte[20 + 32 + 32];
    System.arraycopy(WORKER.evm20(), 0, packed, 0, 20);
    System.arraycopy(KYC_HASH, 0, packed, 20, 32);
    byte[] expiry = BigIntegers.asUnsignedByteArray(32, BigInteger.valueOf(EXPIRY));
    System.arraycopy(expiry, 0, packed, 52, 32);
    byte[] prefix = "\u0019Ethereum Signed Message:\n32".getBytes(StandardCharsets.US_ASCII);
    assertEquals(28, prefix.length);
    assertEquals(Hex.encode(Hashes.keccak256(prefix, Hashes.keccak256(packed))),
        Hex.encode(ComplianceSignature.digest(WORKER, KYC_HASH, EXPIRY)));
  }

  private static ComplianceVerdict check(ComplianceProof proof) {
    return ComplianceSignature.check(WORKER, KYC_HASH, proof, SIGNER.address(), NOW);
  }
}
