package com.lucid.payment.tron.chain;

/** Outcome of the KYC compliance-signature check, with a reason fit for an error message. */
public record ComplianceVerdict(Outcome outcome, String detail) {

  /** Why a compliance signature is accepted or refused. */
  public enum Outcome {
    VALID,
    EXPIRED,
    MALFORMED,
    WRONG_SIGNER
  }

  public boolean isValid() {
    return outcome == Outcome.VALID;
  }
}
