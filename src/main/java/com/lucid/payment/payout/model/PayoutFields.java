package com.lucid.payment.payout.model;

/** The field names of a stored payout document: written and queried by these names only. */
public final class PayoutFields {
  public static final String ID = "_id";
  public static final String USER_ID = "user_id";
  public static final String CREATOR_ROLE = "creator_role";
  public static final String REQUEST_ID = "request_id";
  public static final String RECIPIENT = "recipient_address";
  /** USDT base units. */
  public static final String AMOUNT = "amount";
  public static final String ROUTER = "router_type";
  public static final String PRIORITY = "priority";
  /** The priority as a number the store can sort on, larger first. */
  public static final String PRIORITY_RANK = "priority_rank";
  public static final String BATCH_TYPE = "batch_type";
  public static final String REASON = "reason";
  public static final String SESSION_ID = "session_id";
  public static final String NODE_ID = "node_id";
  public static final String CUSTOM_DATA = "custom_data";
  public static final String KYC_HASH = "kyc_hash";
  public static final String COMPLIANCE_SIGNATURE = "compliance_signature";
  public static final String BATCH_ID = "batch_id";
  public static final String LIMIT_KEYS = "limit_keys";
  /** The USDT contract the payout was accepted for; sealed. */
  public static final String USDT_CONTRACT = "usdt_contract";
  public static final String SEAL = "seal";

  public static final String STATUS = "status";
  public static final String VERSION = "version";
  public static final String CREATED_AT = "created_at";
  public static final String UPDATED_AT = "updated_at";
  public static final String RELEASE_AT = "release_at";
  public static final String NEXT_CHECK_AT = "next_check_at";
  public static final String LEASE_UNTIL = "lease_until";
  public static final String LEASE_OWNER = "lease_owner";
  public static final String LEASE_TOKEN = "lease_token";
  public static final String HOLD_REASON = "hold_reason";
  public static final String INTEGRITY_PROBLEM = "integrity_problem";
  public static final String ATTEMPTS = "attempts";
  public static final String ATTEMPT_COUNT = "attempt_count";
  /** On-chain failures so far (each freed the payout for a new attempt). */
  public static final String RETRIES_USED = "retries_used";
  public static final String LIMITS_RELEASED = "limits_released";
  public static final String FAILURE_CODE = "failure_code";
  public static final String FAILURE_MESSAGE = "failure_message";
  public static final String AUDIT = "audit";

  public static final String TXID = "txid";
  public static final String BLOCK_NUMBER = "block_number";
  public static final String BLOCK_TIMESTAMP = "block_timestamp";
  public static final String FEE_SUN = "fee_sun";
  public static final String ENERGY_USED = "energy_used";
  public static final String NET_USAGE = "net_usage";
  public static final String CONFIRMATIONS = "confirmations";
  public static final String CONFIRMED_AT = "confirmed_at";

  private PayoutFields() {}
}
