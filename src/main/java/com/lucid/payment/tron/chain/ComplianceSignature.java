package com.lucid.payment.tron.chain;

import com.lucid.payment.tron.chain.ComplianceVerdict.Outcome;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The PayoutRouterKYC authorisation: the compliance signer signs, Ethereum personal-message style,
 * keccak256(abi.encodePacked(recipient address, kycHash bytes32, expiry uint256)).
 */
public final class ComplianceSignature {
  private static final byte[] PERSONAL_PREFIX =
      "\u0019Ethereum Signed Message:\n32".getBytes(StandardCharsets.US_ASCII);

  private ComplianceSignature() {}

  /**
   * Checks a proof. Refused as MALFORMED when the hash or signature is not well formed (including
   * high-s, which OpenZeppelin's ECDSA rejects too), EXPIRED when {@code expiry < nowEpochSeconds},
   * WRONG_SIGNER when it recovers to any address other than {@code complianceSigner}.
   */
  public static ComplianceVerdict check(TronAddress recipient, byte[] kycHash, ComplianceProof proof,
      TronAddress complianceSigner, long nowEpochSeconds) {
    if (kycHash == null || kycHash.length != 32) {
      return refuse(Outcome.MALFORMED, "kyc_hash must be 32 bytes");
    }
    if (proof == null || proof.expiry() < 0) {
      return refuse(Outcome.MALFORMED, "compliance signature expiry must be a non-negative unix time");
    }
    if (proof.v() != 27 && proof.v() != 28 && proof.v() != 0 && proof.v() != 1) {
      return refuse(Outcome.MALFORMED, "compliance signature v must be 27 or 28");
    }
    byte[] r = word(proof.r());
    byte[] s = word(proof.s());
    if (r == null || s == null) {
      return refuse(Outcome.MALFORMED, "compliance signature r and s must be 32-byte hex");
    }
    BigInteger rValue = new BigInteger(1, r);
    BigInteger sValue = new BigInteger(1, s);
    if (!Signatures.inRange(rValue) || !Signatures.inRange(sValue)
        || sValue.compareTo(Signatures.HALF_N) > 0) {
      return refuse(Outcome.MALFORMED, "compliance signature r or s is out of range");
    }
    if (proof.expiry() < nowEpochSeconds) {
      return refuse(Outcome.EXPIRED, "compliance signature expired at " + proof.expiry());
    }
    byte[] sig65 = Arrays.copyOf(r, 65);
    System.arraycopy(s, 0, sig65, 32, 32);
    sig65[64] = (byte) proof.v();
    TronAddress signer;
    try {
      signer = Signatures.recover(digest(recipient, kycHash, proof.expiry()), sig65);
    } catch (ChainDataException e) {
      return refuse(Outcome.MALFORMED, "compliance signature does not recover to any key");
    }
    if (!signer.equals(complianceSigner)) {
      return refuse(Outcome.WRONG_SIGNER, "compliance signature is not by the configured signer");
    }
    return new ComplianceVerdict(Outcome.VALID, "valid until " + proof.expiry());
  }

  /** Makes a valid proof (tests, devnet and operator tooling); v is 27 or 28. */
  public static ComplianceProof sign(SigningKey signer, TronAddress recipient, byte[] kycHash, long expiry) {
    if (kycHash == null || kycHash.length != 32 || expiry < 0) {
      throw new IllegalArgumentException("kyc_hash must be 32 bytes and expiry non-negative");
    }
    byte[] sig = signer.sign(digest(recipient, kycHash, expiry));
    return new ComplianceProof(expiry, 27 + sig[64],
        Hex.encode(Arrays.copyOfRange(sig, 0, 32)), Hex.encode(Arrays.copyOfRange(sig, 32, 64)));
  }

  /** keccak256("\x19Ethereum Signed Message:\n32" || keccak256(recipient20 || kycHash || expiry)). */
  static byte[] digest(TronAddress recipient, byte[] kycHash, long expiry) {
    byte[] message = Hashes.keccak256(
        recipient.evm20(), kycHash, Trc20Abi.uint256Word(BigInteger.valueOf(expiry)));
    return Hashes.keccak256(PERSONAL_PREFIX, message);
  }

  private static byte[] word(String hex) {
    String digits = hex != null && hex.startsWith("0x") ? hex.substring(2) : hex;
    return Hex.isHex(digits, 64) ? Hex.decode(digits) : null;
  }

  private static ComplianceVerdict refuse(Outcome outcome, String detail) {
    return new ComplianceVerdict(outcome, detail);
  }
}
