/**
 * Devnet: a local TRON full node HTTP API over an in-memory chain, for runs and tests
 * (PRODUCT.md section 9). Start it with {@link com.lucid.payment.devnet.Devnet#start}, or as
 * {@code java -jar tron-payment-service.jar devnet}.
 *
 * <p>Node API, GET and POST, TRON field names, {@code visible} honoured: under /wallet and
 * /walletsolidity: getnowblock, getblock, getblockbynum, getblockbyid, getblockbylimitnext,
 * getaccount, getaccountresource, triggerconstantcontract, estimateenergy, gettransactionbyid,
 * gettransactioninfobyid; under /wallet only: getchainparameters, validateaddress,
 * triggersmartcontract, freezebalancev2, broadcasttransaction, broadcasthex. /walletsolidity on
 * the same port, or on its own as java-tron serves it (each port then answers the other's paths
 * with java-tron's 405 page). The answers are java-tron v4.8.0's, held to a recording of a real
 * node by the conformance tests; what still differs is in docs/DEVNET-DIFFERENCES.md.
 *
 * <p>Control API (only with {@code DevnetOptions.controlEnabled}), JSON in and out, HTTP 400
 * {"error"} on bad input:
 * <ul>
 *   <li>POST /devnet/control/fund {"address", "trx_sun", "usdt_units"} → the balances
 *   <li>POST /devnet/control/faults {"type", "path"?, "times"?, "delay_ms"?, "status"?} → the
 *       fault with its "id" (types: {@link com.lucid.payment.devnet.FaultType})
 *   <li>GET /devnet/control/faults → {"faults": [...]}; DELETE /devnet/control/faults → {"cleared"};
 *       DELETE /devnet/control/faults/{id} → {"cleared": 1} or 404
 *   <li>POST /devnet/control/blocks {"count"} → {"head_block", "solidified_block"}
 *   <li>GET /devnet/control/journal → {"head_block", "solidified_block", "transfers": [{"txid",
 *       "from", "to", "amount", "block"}], "balances": [{"address", "trx_sun", "usdt_units"}]}
 * </ul>
 *
 * <p>Where the devnet is simpler than TRON: one witness and no forks; the only contract is the
 * USDT token (fixed energy costs, see {@code UsdtToken}); staking yields a fixed energy and
 * bandwidth per TRX; no dynamic energy; state on /walletsolidity is the ledger as of the
 * solidified block, on /wallet the head's with the pool's transactions run on it (java-tron's
 * pending state, switchable off); a pooled transaction whose owner can no longer pay its bandwidth
 * when a block is produced is dropped rather than included.
 */
package com.lucid.payment.devnet;
