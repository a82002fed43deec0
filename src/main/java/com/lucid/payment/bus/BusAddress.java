package com.lucid.payment.bus;

import java.util.EnumSet;
import java.util.Set;

/**
 * The catalogue of every event-bus address the service serves: who may send to it, and the shape of the request and
 * the reply. Addresses live in their receiver's plane namespace ({@code lucid.<plane>.}).
 */
public enum BusAddress {
  PAYOUT_CREATE("lucid.wallet.payout.create", EnumSet.of(Plane.OPS, Plane.WALLET),
      "JsonObject {idempotency_key, request: the POST /payouts body}; headers user id, role, request id",
      "JsonObject {replayed: bool, payout: PayoutResponse}; failure: ApiFailure"),
  PAYOUT_GET("lucid.wallet.payout.get", EnumSet.of(Plane.OPS, Plane.WALLET),
      "JsonObject {payout_id}", "PayoutResponse; another user's payout is NOT_FOUND"),
  PAYOUT_LIST("lucid.wallet.payout.list", EnumSet.of(Plane.OPS, Plane.WALLET),
      "JsonObject {status?, router_type?, start_date?, end_date?, limit?, offset?} (strings, as in the query)",
      "JsonObject {payouts: [PayoutResponse], pagination: {total, limit, offset, has_next, has_previous}, filters}"),
  PAYOUT_CANCEL("lucid.wallet.payout.cancel", EnumSet.of(Plane.OPS, Plane.WALLET),
      "JsonObject {payout_id}", "PayoutResponse (status cancelled); INVALID_STATE once signed"),
  PAYOUT_TRANSACTION("lucid.wallet.payout.transaction", EnumSet.of(Plane.OPS, Plane.WALLET),
      "JsonObject {payout_id}",
      "JsonObject {payout_id, txid, status, confirmations, required_confirmations, block_number, block_timestamp, "
          + "energy_used, bandwidth_used, fee_trx, estimated_completion}"),
  BATCH_CREATE("lucid.wallet.batch.create", EnumSet.of(Plane.OPS, Plane.WALLET),
      "JsonObject {idempotency_key, request: the POST /payouts/batch body {payouts: [item], router_type, priority?, "
          + "batch_type?}}; headers user id, role, request id",
      "JsonObject {replayed: bool, batch: {batch_id, total_payouts, total_amount_usdt, status, payout_ids, "
          + "estimated_completion, created_at, ...}}; failure: ApiFailure, details.errors [{index, field, message}]"),
  BATCH_GET("lucid.wallet.batch.get", EnumSet.of(Plane.OPS, Plane.WALLET),
      "JsonObject {batch_id}",
      "BatchStatus {batch_id, status: processing|completed|partially_failed|failed|cancelled, counts and amounts "
          + "per payout status, ...}; another user's batch is NOT_FOUND"),
  STATS("lucid.wallet.stats", EnumSet.of(Plane.OPS, Plane.WALLET),
      "JsonObject {period?: hour|day|week|month, router_type?: PayoutRouterV0|PayoutRouterKYC|all} (strings)",
      "JsonObject {period, router_type, total_payouts, total_amount_usdt, success_rate, average_amount_usdt, "
          + "payouts_by_router, daily_limit_usage, hourly_limit_usage, circuit_breaker_status (admin only), "
          + "generated_at}; needs payment:stats"),
  DISTRIBUTION_SUBMIT("lucid.wallet.distribution.submit", EnumSet.of(Plane.OPS, Plane.WALLET),
      "JsonObject {period: YYYY-MM, entries: [{recipient, node_id?, gross_usdt, router_type, kyc_hash?, "
          + "compliance_signature?}]}; admin or service",
      "JsonObject {replayed: bool, report: DistributionReport}; the same period again answers its report"),
  DISTRIBUTION_PREVIEW("lucid.wallet.distribution.preview", EnumSet.of(Plane.OPS, Plane.WALLET),
      "the DISTRIBUTION_SUBMIT body", "DistributionReport with status preview; nothing is stored"),
  DISTRIBUTION_REPORT("lucid.wallet.distribution.report", EnumSet.of(Plane.OPS, Plane.WALLET),
      "JsonObject {period, format?: json|csv}",
      "DistributionReport, or {period, format: csv, csv: text} ; an unknown period is NOT_FOUND"),
  ADMIN_WALLET("lucid.wallet.admin.wallet", EnumSet.of(Plane.OPS, Plane.WALLET),
      "{}", "JsonObject {address, network, trx, usdt, energy: {available, limit}, bandwidth: {available, limit}}"),
  ADMIN_STAKE("lucid.wallet.admin.stake", EnumSet.of(Plane.OPS, Plane.WALLET),
      "JsonObject {amount_trx (decimal string), resource: ENERGY|BANDWIDTH}", "JsonObject {txid, status}"),
  ADMIN_PAUSE("lucid.wallet.admin.pause", EnumSet.of(Plane.OPS, Plane.WALLET),
      "JsonObject {reason?}", "JsonObject {paused: true, reason, since}"),
  ADMIN_RESUME("lucid.wallet.admin.resume", EnumSet.of(Plane.OPS, Plane.WALLET),
      "{}", "JsonObject {paused: false}"),
  ADMIN_BREAKER("lucid.wallet.admin.breaker", EnumSet.of(Plane.OPS, Plane.WALLET),
      "JsonObject {action: get|trip|reset, reason?}",
      "JsonObject {state: closed|open|half_open, consecutive_failures, opened_at, reason}"),
  ADMIN_REVIEW("lucid.wallet.admin.review", EnumSet.of(Plane.OPS, Plane.WALLET),
      "JsonObject {payout_id, action: resign|mark_paid|cancel, txid? (mark_paid), note}",
      "PayoutResponse after the decision; INVALID_STATE unless the payout is processing and held needs_review"),
  HEALTH("lucid.wallet.health", EnumSet.of(Plane.OPS, Plane.WALLET),
      "{} (empty JsonObject)",
      "JsonObject {status: healthy|degraded|unhealthy, checks: {store, tron, ...}}"),
  TRON_STATUS("lucid.wallet.tron.status", EnumSet.of(Plane.WALLET),
      "{} (empty JsonObject)",
      "JsonObject {status: up|down, network, nodes: [{url, breaker: closed|half_open|open}], head_block, solid_block, "
          + "hot_wallet, usdt_contract, reason?}"),
  TRON_SIGN("lucid.wallet.tron.sign", EnumSet.of(Plane.WALLET),
      "tron.api.TransferOrder (a SealedPayout, the attempt number, the fee limit percent)",
      "tron.api.SignedAttempt (built, signed, sealed and journaled, NOT broadcast); failure ApiFailure: 400 "
          + "INVALID_REQUEST, 409 INTEGRITY_VIOLATION (seal broken, or the signer remembers what the store does not), "
          + "409 INVALID_STATE {hold_reason: needs_review} (re-sign cap), 500 TRANSACTION_REJECTED (refused to sign), "
          + "503 UNAVAILABLE (nodes, or an earlier signature not yet proven dead)"),
  TRON_BROADCAST("lucid.wallet.tron.broadcast", EnumSet.of(Plane.WALLET),
      "tron.api.AttemptRef (the SealedPayout and its SignedAttempt)",
      "tron.api.BroadcastOutcome {ACCEPTED|DUPLICATE|REJECTED|UNAVAILABLE, code, message}; "
          + "failure 409 INTEGRITY_VIOLATION (a seal, or the bytes are not that payout's)"),
  TRON_FATE("lucid.wallet.tron.fate", EnumSet.of(Plane.WALLET),
      "tron.api.AttemptRef",
      "tron.api.AttemptFate: Unknown|Included|Confirmed|Failed|Expired|Undecided|Mismatch; failure 409 "
          + "INTEGRITY_VIOLATION, 503 UNAVAILABLE"),
  TRON_CLAIM("lucid.wallet.tron.claim", EnumSet.of(Plane.WALLET),
      "tron.api.PaymentClaim {SealedPayout, txid}",
      "tron.api.AttemptFate.Confirmed when every node's solidified chain shows exactly that payout's transfer; "
          + "failure 400 INVALID_REQUEST, 503 UNAVAILABLE"),
  TRON_REVIEW("lucid.wallet.tron.review", EnumSet.of(Plane.WALLET),
      "tron.api.ReviewOrder {payout_id, GRANT_RESIGN|CLOSE}",
      "{} once the signing journal holds it"),
  TRON_WALLET("lucid.wallet.tron.wallet", EnumSet.of(Plane.WALLET),
      "{} (empty JsonObject)",
      "tron.api.WalletStatus; failure 503 UNAVAILABLE"),
  TRON_STAKE("lucid.wallet.tron.stake", EnumSet.of(Plane.WALLET),
      "tron.api.StakeOrder",
      "tron.api.StakeResult {txid}; failure 400 INVALID_REQUEST (node refused, e.g. balance), "
          + "500 TRANSACTION_REJECTED, 503 UNAVAILABLE");

  private final String address;
  private final Set<Plane> senders;
  private final String request;
  private final String reply;

  BusAddress(String address, Set<Plane> senders, String request, String reply) {
    this.address = address;
    this.senders = Set.copyOf(senders);
    this.request = request;
    this.reply = reply;
  }

  public String address() {
    return address;
  }

  /** The planes allowed to send to this address. */
  public Set<Plane> senders() {
    return senders;
  }

  public String requestShape() {
    return request;
  }

  public String replyShape() {
    return reply;
  }

  public Plane receiver() {
    return Plane.ofAddress(address).orElseThrow();
  }

  public static java.util.Optional<BusAddress> of(String address) {
    for (BusAddress a : values()) {
      if (a.address.equals(address)) {
        return java.util.Optional.of(a);
      }
    }
    return java.util.Optional.empty();
  }
}
