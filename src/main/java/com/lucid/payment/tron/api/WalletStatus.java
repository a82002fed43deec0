package com.lucid.payment.tron.api;

import com.lucid.payment.tron.chain.TronAddress;

/**
 * The hot wallet's funds and resources at the head block (on java-tron, with what is broadcast but not yet in a block).
 *
 * @param trxSun TRX balance in sun
 * @param usdtUnits USDT balance in base units
 * @param usdtSolidUnits USDT balance in base units at the solidified block: what no node shows differently, whether
 *     it shows broadcast transactions before they are in a block or not
 * @param energyFeeSun the chain's current price of one energy unit
 */
public record WalletStatus(
    TronAddress address,
    long trxSun,
    long usdtUnits,
    long usdtSolidUnits,
    long energyAvailable,
    long energyLimit,
    long bandwidthAvailable,
    long bandwidthLimit,
    long energyFeeSun,
    long headBlock,
    long solidBlock) {}
